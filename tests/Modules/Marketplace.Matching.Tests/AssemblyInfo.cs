// Each class starts real hosts with Hangfire servers on its own database; one at a time suits a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
