using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Jobs.Infrastructure.Search;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Jobs.Infrastructure.Demo;

/// <summary>An employer account the demo gives a company and postings of its own.</summary>
public sealed record DemoEmployer(Guid UserId, string CompanyName);

/// <summary>
/// Seeds postings in bulk: every one built and checked by the domain (drafted, published, expired or closed through its
/// own methods), then written with PostgreSQL's binary COPY, together with the PostingPublished events of the published
/// ones in the outbox (so the other modules hear of them as of real ones), in one transaction. Ids come from the seed, so
/// seeding again adds only what is missing.
/// </summary>
public static class JobsDemoData
{
    public const int DefaultSeed = 2026;
    public const int DefaultCount = 320;
    public const int PerEmployer = 12;

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static async Task<int> SeedAsync(
        IServiceProvider services, int count, IReadOnlyList<DemoEmployer> employers, bool publishEvents, CancellationToken cancellationToken, int seed = DefaultSeed)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var generator = new DemoPostingGenerator(SkillTaxonomy.Embedded, seed);

        var postings = new List<JobPosting>(count + employers.Count * PerEmployer);
        for (var n = 0; n < count; n++)
        {
            postings.Add(Build(generator.Generate(n, now), employerId: null, companyId: null, now));
        }

        for (var e = 0; e < employers.Count; e++)
        {
            var company = await CompanyOfAsync(context, employers[e], now, cancellationToken);
            for (var n = 0; n < PerEmployer; n++)
            {
                // Their own range of the generator, under their company's name.
                var demo = generator.Generate(1_000_000 * (e + 1) + n, now, [company.Name]);
                postings.Add(Build(demo, employers[e].UserId, company.Id, now));
            }
        }

        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            var existing = new HashSet<Guid>();
            await using (var query = new NpgsqlCommand($"SELECT id FROM {PostingSearchSql.Table} WHERE id = ANY(@ids)", connection))
            {
                query.Parameters.AddWithValue("ids", postings.Select(p => p.Id).ToArray());
                await using var reader = await query.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    existing.Add(reader.GetGuid(0));
                }
            }

            var fresh = postings.Where(p => !existing.Contains(p.Id)).ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CopyPostingsAsync(connection, fresh, cancellationToken);
            if (publishEvents)
            {
                await CopyEventsAsync(connection, fresh.Where(p => p.PublishedAt is not null), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (publishEvents)
            {
                scope.ServiceProvider.GetRequiredService<IOutboxRelayTrigger>().RelayAfterCommit(JobsModule.Name);
            }

            return fresh.Count;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>A generated posting taken through its life with the domain's own methods, so it is what a real one would be.</summary>
    private static JobPosting Build(DemoPostingGenerator.DemoPosting demo, Guid? employerId, Guid? companyId, DateTimeOffset now)
    {
        var start = demo.PublishedAt ?? now.AddDays(-2);
        var drafted = JobPosting.Draft(demo.Id, demo.Details, employerId, companyId, start.AddHours(-3));
        var posting = drafted.IsSuccess
            ? drafted.Value
            : throw new InvalidOperationException($"Demo posting {demo.Id} breaks a rule: {string.Join("; ", drafted.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        if (demo.PublishedAt is not { } published)
        {
            return posting;
        }

        Check(posting.Publish(published));
        if (demo.Status == PostingStatus.Expired)
        {
            Check(posting.Expire(published + JobPosting.Lifetime));
        }
        else if (demo.Status == PostingStatus.Closed)
        {
            Check(posting.Close(demo.ClosingReason!.Value, published + TimeSpan.FromDays(3)));
        }

        return posting;

        static void Check(BuildingBlocks.Domain.Result result)
        {
            if (result.IsFailure)
            {
                throw new InvalidOperationException($"A demo posting's life was refused: {result.FirstError.Message}");
            }
        }
    }

    private static async Task<Company> CompanyOfAsync(JobsDbContext context, DemoEmployer employer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var company = await context.Companies.SingleOrDefaultAsync(c => c.Members.Any(m => m.UserId == employer.UserId), cancellationToken);
        if (company is not null)
        {
            return company;
        }

        company = Company.Found(Guid.CreateVersion7(now), employer.CompanyName, employer.UserId, now).Value;
        context.Companies.Add(company);
        await context.SaveChangesAsync(cancellationToken);
        return company;
    }

    private static async Task CopyPostingsAsync(NpgsqlConnection connection, IReadOnlyList<JobPosting> postings, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"""
            COPY {PostingSearchSql.Table} (id, employer_id, company_id, title, company, description, seniority, work_mode, locations, accepted_countries,
              salary_min, salary_max, salary_currency, salary_period, skills, status, created_at, updated_at, published_at, expires_at,
              closed_at, closing_reason, revision, search_tokens, search_facts, salary_yearly_min, salary_yearly_max, skill_ids)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        foreach (var p in postings)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(writer, p.EmployerId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(writer, p.CompanyId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(p.Title, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Company, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, p.Description, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Seniority.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.WorkMode.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(p.Locations, PostingJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(p.AcceptedCountries, PostingJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(p.Salary.Min, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(p.Salary.Max, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(p.Salary.Currency, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Salary.Period.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(p.Skills, PostingJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(p.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, p.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, p.ExpiresAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, p.ClosedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(writer, p.ClosingReason?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Revision, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(PostingSearchColumns.TokensOf(p), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(PostingSearchColumns.FactsOf(p), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(p.Salary.YearlyMin, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(p.Salary.YearlyMax, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(p.Skills.Select(s => s.SkillId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The PostingPublished event of each posting that was ever published, as its publication wrote it.</summary>
    private static async Task CopyEventsAsync(NpgsqlConnection connection, IEnumerable<JobPosting> published, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {JobsDbContext.SchemaName}.outbox_messages (id, type, payload, occurred_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var posting in published)
        {
            var at = posting.PublishedAt!.Value;
            // The snapshot as it was at publication: published, whatever happened to it later.
            var snapshot = PostingSnapshots.Of(posting) with { Status = nameof(PostingStatus.Published), Revision = 2, ExpiresAt = at + JobPosting.Lifetime };
            var publication = new PostingPublished(Guid.CreateVersion7(at), at, snapshot);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(publication.EventId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(IntegrationEventAttribute.NameOf(typeof(PostingPublished))!, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(publication, EventJson), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}
