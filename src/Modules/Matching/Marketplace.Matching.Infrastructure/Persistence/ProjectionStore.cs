using System.Text.Json;
using Marketplace.Matching.Application.Projections;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Matching.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Persistence;

/// <summary>
/// Upserts of the projections, newest revision only, each taking the next position of the change feed. Writers take one
/// transaction-scoped advisory lock before the position, so positions are handed out in commit order: a reader that sees
/// position n has seen every committed change before it, and reading "after the last position I applied" misses nothing.
/// </summary>
internal sealed class ProjectionStore(MatchingDbContext context) : IProjectionStore
{
    // Any fixed key: the one lock every projection writer takes.
    internal const long FeedLock = 0x6d61_7463_6866_6565;

    public async Task<long?> ApplyAsync(ProfileProjection p, CancellationToken cancellationToken)
    {
        await LockFeedAsync(cancellationToken);
        var skills = JsonSerializer.Serialize(p.Skills, Json.Options);
        var unrecognised = JsonSerializer.Serialize(p.Unrecognised, Json.Options);
        var applied = await context.Database.SqlQuery<long>(
            $"""
             INSERT INTO matching.profiles AS t (id, revision, sequence, removed, visibility, skills, unrecognised, seniority, remote, country, city, willing_to_relocate, min_yearly_salary)
             VALUES ({p.Id}, {p.Revision}, nextval('matching.change_feed'), {p.Removed}, {(int)p.Visibility}, {skills}::jsonb, {unrecognised}::jsonb, {(int?)p.Seniority}, {(int)p.Remote},
                     {p.Country}, {p.City}, {p.WillingToRelocate}, {p.MinYearlySalary})
             ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, sequence = excluded.sequence, removed = excluded.removed,
               visibility = excluded.visibility, skills = excluded.skills, unrecognised = excluded.unrecognised, seniority = excluded.seniority, remote = excluded.remote,
               country = excluded.country, city = excluded.city, willing_to_relocate = excluded.willing_to_relocate,
               min_yearly_salary = excluded.min_yearly_salary
             WHERE t.revision < excluded.revision
             RETURNING sequence AS "Value"
             """).ToListAsync(cancellationToken);
        return applied.Count == 0 ? null : applied[0];
    }

    public async Task<long?> ApplyAsync(PostingProjection p, CancellationToken cancellationToken)
    {
        await LockFeedAsync(cancellationToken);
        var skills = JsonSerializer.Serialize(p.Skills, Json.Options);
        var applied = await context.Database.SqlQuery<long>(
            $"""
             INSERT INTO matching.postings AS t (id, revision, sequence, company_id, title, company, status, skills, seniority, work_mode, country, city, salary_min, salary_max)
             VALUES ({p.Id}, {p.Revision}, nextval('matching.change_feed'), {p.CompanyId}, {p.Title}, {p.Company}, {p.Status}, {skills}::jsonb,
                     {(int?)p.Seniority}, {(int)p.WorkMode}, {p.Country}, {p.City}, {p.SalaryMin}, {p.SalaryMax})
             ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, sequence = excluded.sequence, company_id = excluded.company_id,
               title = excluded.title, company = excluded.company, status = excluded.status, skills = excluded.skills,
               seniority = excluded.seniority, work_mode = excluded.work_mode, country = excluded.country, city = excluded.city,
               salary_min = excluded.salary_min, salary_max = excluded.salary_max
             WHERE t.revision < excluded.revision
             RETURNING sequence AS "Value"
             """).ToListAsync(cancellationToken);
        return applied.Count == 0 ? null : applied[0];
    }

    private Task LockFeedAsync(CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FeedLock})", cancellationToken);
}
