using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Infrastructure.Demo;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Matching.Application.Projections;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Infrastructure.Demo;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Benchmarks;

/// <summary>
/// The pipeline benchmark's population, kept between runs as a template database per size
/// (<c>mp_bench_pipeline_{profiles}_{jobs}_{hash}</c>; the hash covers every module's migrations and this seed's version, so a
/// new migration makes a new one and the stale ones are dropped). Seeding through HTTP and events would take hours at 100,000
/// profiles, so the source modules' tables are bulk-loaded by their own demo seeders (domain-checked, binary COPY), every profile
/// made discoverable (all are candidates, the rematch's worst case), their outbox rows marked relayed, and matching's projections
/// written with binary COPY from the very events those rows would have become (the modules' own mappings), at change-feed
/// positions 1..n, with the stored position at the end. The stored lists start empty: the benchmark's first full rematch writes them.
/// Each run works on a copy (CREATE DATABASE ... TEMPLATE), so the template stays as seeded.
/// </summary>
public static class PipelineSeed
{
    // Bump when what the seed writes changes.
    private const string Version = "1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The name of the seeded template database for this size, created (and the stale ones dropped) when missing.</summary>
    public static async Task<string> EnsureAsync(string server, int profiles, int jobs)
    {
        var prefix = $"mp_bench_pipeline_{profiles}_{jobs}_";
        var name = prefix + SchemaHash();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            var existing = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @prefix", connection))
            {
                list.Parameters.AddWithValue("prefix", prefix + "%");
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync()) existing.Add(reader.GetString(0));
            }

            if (existing.Contains(name))
            {
                Console.WriteLine($"seeded database {name} reused");
                return name;
            }

            // Older schemas' seeds and a seed cut off half-way.
            foreach (var stale in existing) await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{stale}\" WITH (FORCE)");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{name}_partial\"");
        }

        var clock = Stopwatch.StartNew();
        var partial = new NpgsqlConnectionStringBuilder(server) { Database = name + "_partial" }.ConnectionString;
        await SeedAsync(partial, profiles, jobs);
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"ALTER DATABASE \"{name}_partial\" RENAME TO \"{name}\"");
        }

        Console.WriteLine($"seeded database {name} in {clock.Elapsed.TotalSeconds:F1} s");
        return name;
    }

    private static async Task SeedAsync(string connectionString, int profiles, int jobs)
    {
        // The host migrates every schema at start-up. No Hangfire server and no relay: nothing is delivered; the engine reads
        // the feed once (empty) and not again while the seed writes.
        await using var app = new MarketplaceApp(connectionString, new AppOptions
        {
            BackgroundServer = false,
            RelayAfterCommit = false,
            Settings = new Dictionary<string, string?>
            {
                ["Matching:FeedPollMs"] = "2000000000",
                ["Serilog:MinimumLevel:Default"] = "Error",
            },
        });
        _ = app.Server;
        var clock = Stopwatch.StartNew();
        await ProfilesDemoData.SeedAsync(app.Services, [], profiles, CancellationToken.None);
        await JobsDemoData.SeedAsync(app.Services, jobs, [], publishEvents: false, CancellationToken.None);
        Console.WriteLine($"source tables bulk-loaded in {clock.Elapsed.TotalSeconds:F1} s");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // ProfileVisibility is stored as a number or a name depending on the JSON options; Discoverable either way.
        await ExecuteAsync(connection,
            """
            UPDATE profiles.profiles SET preferences = jsonb_set(preferences, '{visibility}',
              CASE jsonb_typeof(preferences->'visibility') WHEN 'number' THEN '2'::jsonb ELSE '"Discoverable"'::jsonb END)
            """);
        await ExecuteAsync(connection, "UPDATE profiles.outbox_messages SET relayed_at = now() WHERE relayed_at IS NULL");

        clock.Restart();
        var now = DateTimeOffset.UtcNow;
        long position = 0;
        var profileRows = await app.InScopeAsync(async s => await s.GetRequiredService<ProfilesDbContext>().Profiles.AsNoTracking().ToListAsync());
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY matching.profiles (id, revision, sequence, removed, visibility, skills, unrecognised, seniority, remote, country, city, willing_to_relocate, min_yearly_salary)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var profile in profileRows)
            {
                var p = ProjectProfile.ToProjection(ProfileEventsMapping.Changed(profile, now));
                await writer.StartRowAsync();
                await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.Revision, NpgsqlDbType.Bigint);
                await writer.WriteAsync(++position, NpgsqlDbType.Bigint);
                await writer.WriteAsync(p.Removed, NpgsqlDbType.Boolean);
                await writer.WriteAsync((int)p.Visibility, NpgsqlDbType.Integer);
                await writer.WriteAsync(JsonSerializer.Serialize(p.Skills, Json), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(JsonSerializer.Serialize(p.Unrecognised, Json), NpgsqlDbType.Jsonb);
                await WriteNullableAsync(writer, (int?)p.Seniority, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)p.Remote, NpgsqlDbType.Integer);
                await WriteNullableAsync(writer, p.Country, NpgsqlDbType.Text);
                await WriteNullableAsync(writer, p.City, NpgsqlDbType.Text);
                await writer.WriteAsync(p.WillingToRelocate, NpgsqlDbType.Boolean);
                await WriteNullableAsync(writer, p.MinYearlySalary, NpgsqlDbType.Double);
            }

            await writer.CompleteAsync();
        }

        var postingRows = await app.InScopeAsync(async s => await s.GetRequiredService<JobsDbContext>().Postings.AsNoTracking().ToListAsync());
        int open = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            """
            COPY matching.postings (id, revision, sequence, company_id, title, company, status, skills, seniority, work_mode, country, city, salary_min, salary_max)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            // Drafts never reached matching; every other posting did, in its current state.
            foreach (var posting in postingRows.Where(p => p.PublishedAt is not null))
            {
                var p = ProjectPosting.ToProjection(PostingSnapshots.Of(posting));
                open += p.IsOpen ? 1 : 0;
                await writer.StartRowAsync();
                await writer.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.Revision, NpgsqlDbType.Bigint);
                await writer.WriteAsync(++position, NpgsqlDbType.Bigint);
                await WriteNullableAsync(writer, p.CompanyId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.Title, NpgsqlDbType.Text);
                await writer.WriteAsync(p.Company, NpgsqlDbType.Text);
                await writer.WriteAsync(p.Status, NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(p.Skills, Json), NpgsqlDbType.Jsonb);
                await WriteNullableAsync(writer, (int?)p.Seniority, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)p.WorkMode, NpgsqlDbType.Integer);
                await WriteNullableAsync(writer, p.Country, NpgsqlDbType.Text);
                await WriteNullableAsync(writer, p.City, NpgsqlDbType.Text);
                await WriteNullableAsync(writer, p.SalaryMin, NpgsqlDbType.Double);
                await WriteNullableAsync(writer, p.SalaryMax, NpgsqlDbType.Double);
            }

            await writer.CompleteAsync();
        }

        // The feed goes on after the seeded positions; stored through the end (feed_state's one row has id 1), so the first
        // change stores only the lists it changes.
        await ExecuteAsync(connection, $"SELECT setval('matching.change_feed', {Math.Max(1, position)})");
        await ExecuteAsync(connection, $"INSERT INTO matching.feed_state (id, stored_through) VALUES (1, {position}) ON CONFLICT (id) DO UPDATE SET stored_through = excluded.stored_through");
        // The seeding host's server rows would only wait to expire in every copy.
        await ExecuteAsync(connection, "DELETE FROM hangfire.server");
        await ExecuteAsync(connection, "ANALYZE");
        Console.WriteLine($"projections written in {clock.Elapsed.TotalSeconds:F1} s: {profileRows.Count:N0} profiles (all discoverable), "
            + $"{postingRows.Count:N0} postings of which {open:N0} open");
    }

    /// <summary>Copies the template into a fresh database for one run (a file copy: seconds, not a reseed).</summary>
    public static async Task<string> CopyAsync(string server, string template)
    {
        var name = $"mp_bench_run_{Guid.NewGuid():N}";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return name;
    }

    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    // Every module's migrations (their ids, in the host's assemblies) and this seed's version.
    private static string SchemaHash()
    {
        var ids = Directory.GetFiles(AppContext.BaseDirectory, "Marketplace.*.Infrastructure.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .SelectMany(a => a.GetTypes())
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids.Prepend(Version))));
        return Convert.ToHexStringLower(hash)[..10];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);
}
