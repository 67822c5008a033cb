using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.List;
using Marketplace.Jobs.Application.Postings.Create;
using Mediator;

namespace Marketplace.Web.Hosting;

/// <summary>
/// A few companies' postings, published through the real command (validation, outbox, events), for a demo.
/// Idempotent: a posting whose company already has one of that title is skipped.
/// </summary>
public static partial class DemoData
{
    private static readonly CreatePosting[] Postings =
    [
        Posting("Senior backend engineer (C#/.NET)", "Northwind Traders", "Senior", "Berlin", "Hybrid", 70_000, 90_000,
            [("csharp", 4, 10), ("aspnet-core", 4, 8), ("postgresql", 3, 6)], [("docker", 2, 3), ("kafka", 2, 2)]),
        Posting("Platform engineer", "Northwind Traders", "Mid", null, "Remote", 60_000, 75_000,
            [("kubernetes", 3, 8), ("terraform", 3, 6), ("csharp", 2, 4)], [("azure", 2, 3)]),
        Posting("Backend developer, payments", "Contoso Pay", "Mid", "Amsterdam", "OnSite", 55_000, 70_000,
            [("csharp", 3, 9), ("sql-server", 3, 6), ("rabbitmq", 2, 5)], [("redis", 2, 3)]),
        Posting("Lead .NET engineer", "Fabrikam Health", "Lead", "Lisbon", "Hybrid", 85_000, 110_000,
            [("csharp", 5, 10), ("domain-driven-design", 4, 8), ("postgresql", 3, 5)], [("opentelemetry", 2, 3), ("kubernetes", 2, 2)]),
        Posting("Junior backend developer", "Fabrikam Health", "Junior", null, "Remote", 38_000, 46_000,
            [("csharp", 2, 8), ("sql", 2, 6)], [("git", 2, 3), ("docker", 1, 2)]),
    ];

    public static async Task SeedAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var posting in Postings)
        {
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var existing = await sender.Send(new ListPostings(posting.Company, 1, 100), cancellationToken);
            if (existing.IsSuccess && existing.Value.Any(p => p.Title == posting.Title))
            {
                continue;
            }

            var result = await sender.Send(posting, cancellationToken);
            if (result.IsFailure)
            {
                throw new InvalidOperationException($"Demo posting '{posting.Title}' was refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }

            published++;
        }

        LogSeeded(logger, published, Postings.Length - published);
    }

    private static CreatePosting Posting(
        string title, string company, string seniority, string? location, string workMode, decimal min, decimal max,
        (string Id, int Level, int Weight)[] required, (string Id, int Level, int Weight)[] niceToHave) =>
        new(title, company, $"{company} is hiring: {title}.", seniority, workMode,
            location is null ? [] : [new PlaceInput(location, "DE")], [], new SalaryInput(min, max, "EUR", "Year"),
            [
                .. required.Select(s => new SkillInput(s.Id, Required: true, s.Level, s.Weight)),
                .. niceToHave.Select(s => new SkillInput(s.Id, Required: false, s.Level, s.Weight)),
            ]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Published} postings published, {Skipped} already there")]
    private static partial void LogSeeded(ILogger logger, int published, int skipped);
}
