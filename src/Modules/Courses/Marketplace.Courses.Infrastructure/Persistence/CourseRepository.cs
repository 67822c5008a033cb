using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Courses.Infrastructure.Persistence;

internal sealed class CourseRepository(CoursesDbContext context) : ICourseRepository
{
    public void Add(Course course) => context.Courses.Add(course);

    public async Task<Course?> GetForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        await context.Courses.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Course?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Course>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await context.Courses.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);

    public Task<bool> ImportKeyTakenAsync(string importKey, Guid? except, CancellationToken cancellationToken) =>
        context.Courses.AnyAsync(c => c.ImportKey == importKey && (except == null || c.Id != except), cancellationToken);

    public async Task<CoursePage> SearchAsync(CourseSearch search, CancellationToken cancellationToken)
    {
        var courses = context.Courses.AsNoTracking();
        if (!search.IncludeUnlisted)
        {
            courses = courses.Where(c => c.Listed);
        }

        if (search.Text is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            courses = courses.Where(c => EF.Functions.ILike(c.Title, pattern) || EF.Functions.ILike(c.Provider, pattern) || EF.Functions.ILike(c.Summary ?? "", pattern));
        }

        if (search.SkillIds is { Count: > 0 } skillIds)
        {
            var ids = skillIds.ToArray();
            courses = courses.Where(c => c.SkillIds.Any(s => ids.Contains(s)));
        }

        if (search.Level is { } level)
        {
            courses = courses.Where(c => c.Level == level);
        }

        if (search.MaxHours is { } maxHours)
        {
            courses = courses.Where(c => c.Hours <= maxHours);
        }

        if (search.MaxPrice is { } maxPrice)
        {
            courses = courses.Where(c => c.Price <= maxPrice);
        }

        if (search.Provider is { } provider)
        {
            courses = courses.Where(c => c.Provider == provider);
        }

        var total = await courses.CountAsync(cancellationToken);
        var sorted = search.Sort switch
        {
            "price" => courses.OrderBy(c => c.Price).ThenBy(c => c.Hours).ThenBy(c => c.Id),
            "title" => courses.OrderBy(c => c.Title).ThenBy(c => c.Id),
            _ => courses.OrderBy(c => c.Hours).ThenBy(c => c.Price).ThenBy(c => c.Id),
        };
        var page = await sorted.Skip((search.Page - 1) * search.PageSize).Take(search.PageSize).ToListAsync(cancellationToken);
        return new CoursePage(page, total);
    }

    public async Task<IReadOnlyList<Course>> TeachingAnyAsync(IReadOnlyCollection<string> skillIds, CancellationToken cancellationToken)
    {
        var ids = skillIds.ToArray();
        return await context.Courses.AsNoTracking().Where(c => c.Listed && c.SkillIds.Any(s => ids.Contains(s))).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ProvidersAsync(CancellationToken cancellationToken) =>
        await context.Courses.AsNoTracking().Where(c => c.Listed).Select(c => c.Provider).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);

    public async Task<UpsertCounts> UpsertAsync(IReadOnlyList<CourseDetails> courses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<Course>(courses.Count);
        foreach (var details in courses)
        {
            var created = Course.Create(Guid.CreateVersion7(now), details, now);
            rows.Add(created.IsSuccess ? created.Value : throw new ArgumentException($"Course '{details.Title}' breaks a rule: {created.FirstError.Message}", nameof(courses)));
        }

        // Inside the unit of work's transaction: Npgsql runs these on the connection's current transaction.
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE IF NOT EXISTS course_rows (LIKE courses.courses INCLUDING DEFAULTS) ON COMMIT DELETE ROWS; TRUNCATE course_rows;",
            cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY course_rows ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var course in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(course.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(course.Title, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(course.Provider, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, course.ProviderCourseId, cancellationToken);
                await writer.WriteAsync(course.Link, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(course.ImportKey, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(course.Format.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(course.Level.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(course.Hours, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(course.Price, NpgsqlDbType.Numeric, cancellationToken);
                await writer.WriteAsync(course.Currency, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(course.Language, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(writer, course.Summary, cancellationToken);
                await writer.WriteAsync(CourseJson.Write(course.Teaches), NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(course.SkillIds, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // One statement: new keys are inserted, changed ones updated (revision up), equal ones left alone; xmax = 0 marks an insert.
        await using var upsert = new NpgsqlCommand(
            """
            INSERT INTO courses.courses AS c (id, title, provider, provider_course_id, link, import_key, format, level, hours, price, currency, language, summary, teaches, skill_ids, listed, created_at, updated_at, revision)
            SELECT id, title, provider, provider_course_id, link, import_key, format, level, hours, price, currency, language, summary, teaches, skill_ids, listed, created_at, updated_at, revision FROM course_rows
            ON CONFLICT (import_key) DO UPDATE SET
              title = excluded.title, provider = excluded.provider, provider_course_id = excluded.provider_course_id, link = excluded.link,
              format = excluded.format, level = excluded.level, hours = excluded.hours, price = excluded.price, currency = excluded.currency,
              language = excluded.language, summary = excluded.summary, teaches = excluded.teaches, skill_ids = excluded.skill_ids,
              updated_at = excluded.updated_at, revision = c.revision + 1
            WHERE (c.title, c.provider, c.provider_course_id, c.link, c.format, c.level, c.hours, c.price, c.currency, c.language, c.summary, c.teaches, c.skill_ids)
              IS DISTINCT FROM (excluded.title, excluded.provider, excluded.provider_course_id, excluded.link, excluded.format, excluded.level, excluded.hours,
                                excluded.price, excluded.currency, excluded.language, excluded.summary, excluded.teaches, excluded.skill_ids)
            RETURNING (xmax = 0)
            """,
            connection);
        int added = 0, updated = 0;
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(0))
                {
                    added++;
                }
                else
                {
                    updated++;
                }
            }
        }

        return new UpsertCounts(added, updated, rows.Count - added - updated);
    }

    private const string Columns =
        "id, title, provider, provider_course_id, link, import_key, format, level, hours, price, currency, language, summary, teaches, skill_ids, listed, created_at, updated_at, revision";

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
}
