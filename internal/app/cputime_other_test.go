//go:build !unix

package app

import "time"

// cpuTime is not measured here: BenchmarkRebuild then reports wall time
// only.
func cpuTime() time.Duration { return 0 }
