using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Jobs.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Hosting;

/// <summary>
/// The Jobs demo: a few hundred realistic postings across stacks, seniorities, salaries and places, plus a company of
/// their own with a dozen postings in every status for each demo employer account. Idempotent; seeded after the accounts.
/// </summary>
public static partial class DemoData
{
    /// <summary>The identity module's demo employer accounts (Development only); each signed up naming its company.</summary>
    private static readonly string[] DemoEmployers = ["employer@example.com", "employer2@example.com"];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var count = configuration.GetValue("Demo:Postings", JobsDemoData.DefaultCount);
        var employers = new List<DemoEmployer>();
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            foreach (var email in DemoEmployers)
            {
                if (await users.FindByEmailAsync(email) is { CompanyName: { Length: > 0 } company } user)
                {
                    employers.Add(new DemoEmployer(user.Id, company));
                }
            }
        }

        var seeded = await JobsDemoData.SeedAsync(services, count, employers, publishEvents: true, cancellationToken);
        LogSeeded(logger, seeded, count + employers.Count * JobsDemoData.PerEmployer - seeded);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Seeded} postings written, {Skipped} already there")]
    private static partial void LogSeeded(ILogger logger, int seeded, int skipped);
}
