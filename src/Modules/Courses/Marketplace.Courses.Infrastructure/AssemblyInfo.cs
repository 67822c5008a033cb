using System.Runtime.CompilerServices;

// The import benchmark measures the job's own reader and bulk write (build/bench.sh course-import).
[assembly: InternalsVisibleTo("Marketplace.Benchmarks")]
