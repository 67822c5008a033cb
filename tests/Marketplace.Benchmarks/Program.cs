using BenchmarkDotNet.Running;
using Marketplace.Benchmarks;

switch (args.FirstOrDefault())
{
    case "matching":
        return await MatchingBench.RunAsync(args[1..]);
    case "pipeline":
        return await PipelineBench.RunAsync(args[1..]);
    case "events":
        return await EventsBench.RunAsync(args[1..]);
    case "course-import":
        return await CourseImportBench.RunAsync(args[1..]);
    case "search":
        return await SearchBench.RunAsync(args[1..]);
    case "engine":
        return EngineProbe.Run(args[1..]);
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: Marketplace.Benchmarks search [--postings N] [--seconds S] [--connections C] | pipeline [--profiles N] [--jobs M] [--samples S] | matching|events|engine [--profiles N] [--jobs M] [--seed S] [--queries Q] | course-import [--rows N] | micro [BenchmarkDotNet options]");
        return 2;
}
