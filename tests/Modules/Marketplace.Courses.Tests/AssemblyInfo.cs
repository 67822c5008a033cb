using Xunit;

// Each class starts a real host with a Hangfire server on its own database; one at a time suits a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
