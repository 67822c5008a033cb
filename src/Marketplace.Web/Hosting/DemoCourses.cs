using System.Diagnostics;
using Marketplace.Courses.Infrastructure.Demo;

namespace Marketplace.Web.Hosting;

/// <summary>The demo's course catalog and the demo seekers' enrolments; runs after the identity seeding; idempotent.</summary>
public static partial class DemoCourses
{
    public static async Task SeedAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var seekers = await DemoProfiles.DemoSeekerIdsAsync(services);
        var started = Stopwatch.GetTimestamp();
        var added = await CoursesDemoData.SeedAsync(services, seekers, cancellationToken);
        LogSeeded(logger, added, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Added} courses added in {ElapsedMs:0} ms")]
    private static partial void LogSeeded(ILogger logger, int added, double elapsedMs);
}
