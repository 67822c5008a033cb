using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Profiles.Infrastructure.Demo;

/// <summary>
/// Seeds the demo's job seekers in bulk: every profile is built and checked by the domain, then written with PostgreSQL's
/// binary COPY together with its ProfileChanged event in the outbox (so matching hears of every profile, as it would of
/// a real one), in one transaction. Profiles already there are skipped, so seeding twice adds nothing.
/// </summary>
public static class ProfilesDemoData
{
    public const int DefaultSeed = 2026;

    /// <summary>The user id of the n-th generated profile, for other modules' demo data (applications).</summary>
    public static Guid DemoProfileId(int n) => DemoProfileGenerator.DemoId(n);

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// <paramref name="population"/> generated profiles with ids no account has, plus a complete profile and a CV for each
    /// of <paramref name="seekers"/> (the demo accounts); returns how many profiles were written.
    /// </summary>
    public static async Task<int> SeedAsync(IServiceProvider services, IReadOnlyList<Guid> seekers, int population, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<ProfilesDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var generator = new DemoProfileGenerator(SkillTaxonomy.Embedded, DefaultSeed, now.Year);

        var people = seekers.Select((id, i) => generator.Generate(-1 - i, id, complete: true))
            .Concat(Enumerable.Range(0, population).Select(n => generator.Generate(n, DemoProfileGenerator.DemoId(n))))
            .ToList();

        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            var existing = new HashSet<Guid>();
            await using (var query = new NpgsqlCommand($"SELECT id FROM {ProfilesDbContext.SchemaName}.profiles WHERE id = ANY(@ids)", connection))
            {
                query.Parameters.AddWithValue("ids", people.Select(p => p.Id).ToArray());
                await using var reader = await query.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    existing.Add(reader.GetGuid(0));
                }
            }

            var fresh = people.Where(p => !existing.Contains(p.Id)).ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }

            var random = new Random(DefaultSeed);
            var profiles = fresh.Select(person =>
            {
                // Joined over the last year and a half.
                var joined = now.AddDays(-random.Next(1, 540)).AddMinutes(-random.Next(0, 1440));
                var profile = SeekerProfile.Start(person.Id, joined);
                var updated = profile.Update(person.Details, now);
                return updated.IsSuccess
                    ? (Person: person, Profile: profile)
                    : throw new InvalidOperationException($"Demo profile {person.Id} breaks a rule: {string.Join("; ", updated.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
            }).ToList();

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CopyProfilesAsync(connection, profiles.Select(p => p.Profile), cancellationToken);
            await CopyEventsAsync(connection, profiles.Select(p => p.Profile), now, cancellationToken);
            await CopyCvsAsync(connection, profiles.Where(p => p.Person.CvText is not null).Select(p => (p.Profile.Id, p.Person.CvText!)), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return profiles.Count;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task CopyProfilesAsync(NpgsqlConnection connection, IEnumerable<SeekerProfile> profiles, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {ProfilesDbContext.SchemaName}.profiles (id, display_name, headline, summary, skills, preferences, revision, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var profile in profiles)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(profile.Id, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(writer, profile.DisplayName, cancellationToken);
            await WriteNullableAsync(writer, profile.Headline, cancellationToken);
            await WriteNullableAsync(writer, profile.Summary, cancellationToken);
            await writer.WriteAsync(ProfileJson.Write(profile.Skills), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(ProfileJson.Write(profile.Preferences), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(profile.Revision, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(profile.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(profile.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyEventsAsync(NpgsqlConnection connection, IEnumerable<SeekerProfile> profiles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {ProfilesDbContext.SchemaName}.outbox_messages (id, type, payload, occurred_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var profile in profiles)
        {
            var changed = ProfileEventsMapping.Changed(profile, now);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(changed.EventId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(IntegrationEventAttribute.NameOf(changed.GetType())!, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(changed, EventJson), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(changed.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyCvsAsync(NpgsqlConnection connection, IEnumerable<(Guid Id, string Text)> cvs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {ProfilesDbContext.SchemaName}.cv_documents (id, text, file_name, format, imported_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (id, text) in cvs)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync("cv.txt", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(nameof(CvFormat.Text), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
}
