# agsreport — make targets a newcomer can guess.
#
#   make demo    build the example committee papers into out/
#   make test    vet and run every test
#   make bench   measure speed and memory (see README)
#   make fuzz    run each fuzz target for a short while
#   make lint    formatting and vet
#   make golden  refresh golden files after an intended change
#   make pictures  redraw the README's pictures from make demo's papers

GO      ?= go
BIN     := bin/agsreport
FUZZTIME ?= 15s

.PHONY: all build demo test bench fuzz lint golden examples pictures clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/agsreport

demo: build
	$(BIN) build examples/cumbria-2017-18/report.toml
	$(BIN) build examples/cmt-2014/report.toml
	$(BIN) build examples/cumbria-quarterly/report.toml
	$(BIN) build examples/appendix-as-kept/report.toml
	$(BIN) returns examples/cumbria-quarterly/report.toml -period "June 2018" -due "Friday 6 July 2018" -replace

test:
	$(GO) vet ./...
	$(GO) test ./...

bench: build
	$(GO) run ./cmd/agsbench -bin $(BIN)
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The packages with golden files are those whose tests define -update; the
# example input workbooks are regenerated only by `make examples`.
golden:
	@pkgs=$$(grep -rl --include='*_test.go' -F 'flag.Bool("update"' internal cmd | xargs -n1 dirname | sort -u | sed 's|^|./|'); \
	echo $(GO) test $$pkgs -update; \
	$(GO) test $$pkgs -update && git status --short -- $$pkgs

examples:
	$(GO) run ./examples/gen

# The README's pictures: the first page of four example papers as make demo
# writes them, drawn by pdftoppm (poppler-utils) at 60 dpi.
pictures: demo
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile "out/cumbria-2017-18/Appendix 1A - Childrens Services Leadership and Governance.pdf" docs/images/appendix-1a
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile "out/cumbria-2017-18/Appendix 1B - Amey Lessons Learned.pdf" docs/images/appendix-1b
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile "out/cmt-2014/CMT Draft AGS Action Plan 2014-15.pdf" docs/images/cmt-action-plan
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile "out/cumbria-quarterly/CMT briefing - March 2018.pdf" docs/images/cmt-briefing
	pdftoppm -r 60 -png -f 2 -l 2 -singlefile "out/cumbria-quarterly/CMT briefing - March 2018.pdf" docs/images/cmt-briefing-exceptions

clean:
	rm -rf bin out
