using Marketplace.Jobs.Infrastructure.Demo;
using Marketplace.Profiles.Infrastructure.Demo;

namespace Marketplace.Web.Hosting;

/// <summary>The demo's applications: after the postings and profiles, the demo seekers and a few hundred generated ones apply.</summary>
public static partial class DemoApplications
{
    private const int GeneratedApplicants = 400;

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var seekers = await DemoProfiles.DemoSeekerIdsAsync(services);
        var population = Math.Min(GeneratedApplicants, configuration.GetValue("MARKETPLACE_DEMO_PROFILES", DemoProfiles.DefaultPopulation));
        var generated = Enumerable.Range(0, population).Select(ProfilesDemoData.DemoProfileId).ToList();
        var written = await ApplicationsDemoData.SeedAsync(services, seekers, generated, cancellationToken);
        LogSeeded(logger, written);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Written} applications written")]
    private static partial void LogSeeded(ILogger logger, int written);
}
