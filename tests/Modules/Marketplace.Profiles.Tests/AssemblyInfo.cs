// The HTTP tests share one host and database (the "profiles" collection); one class at a time suits a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
