using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Domain.Imports;
using Marketplace.Courses.Infrastructure.Imports;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The course import's work on a file of N rows (default 10,000), as the background job does it: Sep reads the file, every
/// row is mapped and its skills normalized, and each batch of 2,000 goes into the catalog in one COPY + upsert transaction.
/// Run twice on a fresh database: the first adds every course, the second finds them all unchanged (the idempotence path).
/// Prints the figures and one JSON line. Hangfire's pickup and the page's progress refresh are not in the figures.
/// </summary>
public static partial class CourseImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(int.Parse).FirstOrDefault(10_000);
        var connectionString = Environment.GetEnvironmentVariable("MARKETPLACE_DB");
        if (string.IsNullOrEmpty(connectionString))
        {
            Console.Error.WriteLine("MARKETPLACE_DB is not set (run through build/bench.sh)");
            return 2;
        }

        var database = $"bench_courses_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var benchConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
        try
        {
            var options = new DbContextOptionsBuilder<CoursesDbContext>();
            options.UseModuleDatabase(benchConnection, CoursesDbContext.SchemaName);
            await using (var migrate = new CoursesDbContext(options.Options))
            {
                await migrate.Database.MigrateAsync();
            }

            var file = File(rows);
            var first = await ImportAsync(options, file);
            var second = await ImportAsync(options, file);
            Console.WriteLine($"course import of {rows:N0} rows ({file.Length / 1024.0 / 1024:0.0} MB): parse {first.ParseMs:0} ms, map+normalize {first.MapMs:0} ms, write {first.WriteMs:0} ms, total {first.TotalMs:0} ms ({rows / (first.TotalMs / 1000):N0} rows/s, {first.TotalMs / 1000:0.00} s); added {first.Added:N0}, rejected {first.Rejected:N0} (with line and reason)");
            foreach (var (reason, count) in first.Reasons.OrderByDescending(r => r.Value))
            {
                Console.WriteLine($"  rejected {count,5:N0} × {reason}");
            }

            Console.WriteLine($"the same file again: total {second.TotalMs:0} ms, added {second.Added:N0}, updated {second.Updated:N0}, unchanged {second.Unchanged:N0} (ratio to first {second.TotalMs / first.TotalMs:0.00})");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "course-import",
                rows,
                first_total_ms = Math.Round(first.TotalMs),
                first_parse_ms = Math.Round(first.ParseMs),
                first_map_ms = Math.Round(first.MapMs),
                first_write_ms = Math.Round(first.WriteMs),
                second_total_ms = Math.Round(second.TotalMs),
                first_total_s = Math.Round(first.TotalMs / 1000, 2),
                added = first.Added,
                rejected = first.Rejected,
                second_unchanged = second.Unchanged,
                rows_per_second = Math.Round(rows / (first.TotalMs / 1000)),
            }));
            return first.Added + first.Rejected == rows && second.Unchanged == first.Added && second.Rejected == first.Rejected ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private sealed record Run(double ParseMs, double MapMs, double WriteMs, int Added, int Updated, int Unchanged, int Rejected, IReadOnlyDictionary<string, int> Reasons)
    {
        public double TotalMs => ParseMs + MapMs + WriteMs;
    }

    private static async Task<Run> ImportAsync(DbContextOptionsBuilder<CoursesDbContext> options, string file)
    {
        var reader = new CourseRowReader(SkillTaxonomy.Embedded);
        var start = Stopwatch.GetTimestamp();
        var table = new SepCsvReader().Read(file).Value;
        var parsed = Stopwatch.GetTimestamp();
        var mapping = ColumnMapping.Guess(table.Headers);
        double mapMs = 0, writeMs = 0;
        int added = 0, updated = 0, unchanged = 0, rejected = 0;
        var reasons = new Dictionary<string, int>();
        for (var skip = 0; skip < table.Rows.Count; skip += 2_000)
        {
            var mapStart = Stopwatch.GetTimestamp();
            var batch = ImportRows.Read(table, skip, 2_000, mapping, new ImportDefaults("Bench Academy"), reader);
            rejected += batch.Rejected.Count;
            foreach (var row in batch.Rejected)
            {
                var reason = Quoted().Replace(row.Reason, "'…'");
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }

            mapMs += Stopwatch.GetElapsedTime(mapStart).TotalMilliseconds;
            var writeStart = Stopwatch.GetTimestamp();
            await using var context = new CoursesDbContext(options.Options);
            var counts = await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync();
                var written = await new CourseRepository(context).UpsertAsync(batch.Accepted, DateTimeOffset.UtcNow, CancellationToken.None);
                await transaction.CommitAsync();
                return written;
            });
            writeMs += Stopwatch.GetElapsedTime(writeStart).TotalMilliseconds;
            (added, updated, unchanged) = (added + counts.Added, updated + counts.Updated, unchanged + counts.Unchanged);
        }

        return new Run(Stopwatch.GetElapsedTime(start, parsed).TotalMilliseconds, mapMs, writeMs, added, updated, unchanged, rejected, reasons);
    }

    private static string File(int rows)
    {
        string[] skills = ["PostgreSQL; Docker", "\"[\"\"Go\"\", \"\"Redis\"\"]\"", "\"C#, ASP.NET Core, Entity Framework\"", "Kafka:4; Java; Spring Boot", "\"Python, Django\"", "\"Kubernetes:4, Terraform, AWS\""];
        string[] durations = ["12 hours", "3 weeks", "1 - 3 Months", "90 minutes", "4 weeks at 6 hours a week", "2h 30m"];
        var text = new StringBuilder("Course Name,Provider,ID,URL,Duration,Price,Skills,Level,Format,Language\n");
        for (var i = 0; i < rows; i++)
        {
            // One row in fifty is one of the kinds the import rejects (as real exports have), so rejection is in the figures.
            var bad = i % 50 == 49 ? (i / 50) % 5 : -1;
            var link = bad == 0 ? "not a link" : $"https://bench.example/courses/{i}";
            var duration = bad == 1 ? "a while" : durations[i % durations.Length];
            var price = bad == 2 ? "ask us" : i % 7 == 0 ? "Free" : $"${19 + i % 200}.99";
            var skill = bad == 3 ? "Frobnication; Quuxing" : skills[i % skills.Length];
            var id = bad == 4 ? $"C-{i - 1}" : $"C-{i}";
            text.Append(CultureInfo.InvariantCulture,
                $"Course {i},Provider {(bad == 4 ? (i - 1) % 25 : i % 25)},{id},{link},{duration},{price},{skill},{(i % 3) switch { 0 => "Beginner", 1 => "Intermediate", _ => "Advanced" }},Self-paced,English\n");
        }

        return text.ToString();
    }

    // Reasons name the row's own values; collapsing them groups the rejections by kind.
    [System.Text.RegularExpressions.GeneratedRegex(@"'[^']*'|line \d+")]
    private static partial System.Text.RegularExpressions.Regex Quoted();
}
