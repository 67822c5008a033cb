using System.Diagnostics;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Profiles.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Hosting;

/// <summary>
/// The demo's job seekers: a few thousand generated profiles (MARKETPLACE_DEMO_PROFILES, default 3,000), and complete
/// profiles with a CV for the demo accounts the identity seeding created. Runs after it; idempotent.
/// </summary>
public static partial class DemoProfiles
{
    public const int DefaultPopulation = 3_000;

    // The job seekers among the identity module's demo accounts (README, "Accounts and the API").
    private static readonly string[] DemoSeekerEmails = ["jobseeker@example.com", "jobseeker2@example.com"];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var population = configuration.GetValue("MARKETPLACE_DEMO_PROFILES", DefaultPopulation);
        var seekers = await DemoSeekerIdsAsync(services);
        var started = Stopwatch.GetTimestamp();
        var written = await ProfilesDemoData.SeedAsync(services, seekers, population, cancellationToken);
        LogSeeded(logger, written, Stopwatch.GetElapsedTime(started).TotalMilliseconds, population + seekers.Count - written);
    }

    /// <summary>The user ids of the demo job seekers that the identity seeding created.</summary>
    public static async Task<IReadOnlyList<Guid>> DemoSeekerIdsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var seekers = new List<Guid>();
        foreach (var email in DemoSeekerEmails)
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                seekers.Add(user.Id);
            }
        }

        return seekers;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Written} profiles written in {ElapsedMs:0} ms, {Skipped} already there")]
    private static partial void LogSeeded(ILogger logger, int written, double elapsedMs, int skipped);
}
