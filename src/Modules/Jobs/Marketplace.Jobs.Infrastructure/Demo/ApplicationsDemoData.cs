using Marketplace.Jobs.Domain.Applications;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Profiles.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Jobs.Infrastructure.Demo;

/// <summary>
/// Applicants for the demo: every published posting gets a few generated seekers at stages spread over the pipeline, and
/// the demo seekers have applications at several stages. Built by the domain, snapshots through the Profiles facade;
/// deterministic and idempotent (a seeker who applied to a posting is skipped). No mail or event: nobody real applied.
/// </summary>
public static class ApplicationsDemoData
{
    private static readonly ApplicationStage[][] Paths =
    [
        [],
        [],
        [ApplicationStage.Screening],
        [ApplicationStage.Screening, ApplicationStage.Interview],
        [ApplicationStage.Interview, ApplicationStage.Offer],
        [ApplicationStage.Rejected],
        [ApplicationStage.Screening, ApplicationStage.Rejected],
    ];

    private static readonly string[] CoverNotes =
    [
        "I have shipped services like this one for years and would like to do it with your team.",
        "Your stack is the one I know best; happy to talk about what I built last.",
        "I am looking for a team that cares about reliability as much as I do.",
    ];

    public static async Task<int> SeedAsync(
        IServiceProvider services, IReadOnlyList<Guid> demoSeekers, IReadOnlyList<Guid> generatedSeekers, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var profiles = scope.ServiceProvider.GetRequiredService<IApplicantProfiles>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var postings = await context.Postings.AsNoTracking().Where(p => p.Status == PostingStatus.Published)
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Take(500).ToListAsync(cancellationToken);
        var taken = (await context.Applications.AsNoTracking().Where(a => a.ApplicantId != null)
            .Select(a => new { a.PostingId, a.ApplicantId }).ToListAsync(cancellationToken))
            .Select(a => (a.PostingId, a.ApplicantId!.Value)).ToHashSet();
        var random = new Random(2026);
        var written = 0;
        for (var p = 0; p < postings.Count; p++)
        {
            var posting = postings[p];
            var applicants = generatedSeekers.Count == 0 ? [] : Enumerable.Range(0, random.Next(4, 13))
                .Select(_ => generatedSeekers[random.Next(generatedSeekers.Count)]).Distinct().ToList();
            // The demo seekers apply to the first postings, each at another stage.
            if (p < Paths.Length)
            {
                applicants.AddRange(demoSeekers);
            }

            foreach (var (seeker, i) in applicants.Select((s, i) => (s, i)))
            {
                var path = demoSeekers.Contains(seeker) ? Paths[(p + i) % Paths.Length] : Paths[random.Next(Paths.Length)];
                if (!taken.Add((posting.Id, seeker)) || await profiles.FindAsync(seeker, cancellationToken) is not { } profile)
                {
                    continue;
                }

                var applied = now.AddDays(-random.Next(1, 20)).AddMinutes(-random.Next(0, 1440));
                var snapshot = new ProfileSnapshot(profile.DisplayName, profile.Headline,
                    [.. profile.Skills.Select(s => new SnapshotSkill(s.SkillId, s.Name, s.Level, s.LevelName, s.Years, s.LastUsedYear))]);
                var application = JobApplication.Submit(Guid.CreateVersion7(applied), posting.Id, posting.CompanyId, seeker, snapshot, null,
                    CoverNotes[random.Next(CoverNotes.Length)], profile.CvText, applied).Value;
                var member = posting.EmployerId ?? posting.CompanyId ?? Guid.Empty;
                var at = applied;
                foreach (var stage in path)
                {
                    at = at.AddHours(random.Next(6, 72));
                    var moved = application.MoveTo(stage, member, stage == ApplicationStage.Rejected ? RejectionTemplates.Defaults[0].Text : null, at < now ? at : now);
                    if (moved.IsFailure)
                    {
                        throw new InvalidOperationException($"Demo application move to {stage} was refused: {moved.FirstError.Message}");
                    }
                }

                context.Applications.Add(application);
                written++;
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        return written;
    }
}
