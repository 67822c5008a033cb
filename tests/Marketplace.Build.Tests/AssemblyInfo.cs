using Xunit;

// The scripts start and stop PostgreSQL clusters and shells: one at a time suits a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// build/*.sh are bash scripts for Debian.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
