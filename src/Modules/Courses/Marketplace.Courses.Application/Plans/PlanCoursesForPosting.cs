using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Jobs.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Profiles.Contracts;
using Marketplace.Skills.Plans;
using Mediator;
using EngineCourse = Marketplace.Skills.Plans.Course;

namespace Marketplace.Courses.Application.Plans;

/// <summary>A skill the posting asks for that the profile does not fully meet, and how it stands.</summary>
public sealed record GapDto(
    string SkillId,
    string Name,
    bool Required,
    bool Dealbreaker,
    int MinLevel,
    string Standing,
    double Weight,
    double CurrentCredit,
    IReadOnlyList<CourseDto> Alternatives,
    string? NearestLevelNote);

/// <summary>One course of the plan: the gaps it closes, and the hours, cost and score once it (and the ones before) are done.</summary>
public sealed record PlanStepDto(int Number, CourseDto Course, IReadOnlyList<GapDto> Closes, decimal CumulativeHours, double ScoreAfter);

/// <summary>Whether the plan could be made: matching must know both the seeker's profile and the posting.</summary>
public enum PlanState
{
    Ready,

    /// <summary>The seeker has no profile (or none with skills) for matching to score.</summary>
    NoProfile,

    /// <summary>The profile or the posting changed a moment ago and matching has not taken it in yet.</summary>
    CatchingUp,
}

public sealed record GapPlanDto(
    Guid PostingId,
    string PostingTitle,
    string Company,
    bool PostingOpen,
    PlanState State,
    double ScoreBefore,
    double ProjectedScore,
    IReadOnlyList<PlanStepDto> Steps,
    IReadOnlyList<GapDto> Gaps,
    IReadOnlyList<GapDto> Unclosed,
    decimal TotalHours,
    IReadOnlyDictionary<string, decimal> TotalCost,
    IReadOnlyList<string> FailedDealbreakers)
{
    public static GapPlanDto NotReady(Guid postingId, PostingSnapshot posting, PlanState state) =>
        new(postingId, posting.Title, posting.Company, posting.Status == "Published", state, 0, 0, [], [], [], 0, new Dictionary<string, decimal>(), []);
}

/// <summary>
/// The courses that close the signed-in seeker's gaps for one posting. The gaps, the score now and the score after each course
/// come from Matching's facade, so the plan's projection is the score the seeker's matches show once the courses are done; the
/// choice of courses is the engine's (required gaps first, fewest hours per unit of gap closed), with up to three other courses
/// for each gap and a plain statement for the gaps no course teaches far enough.
/// </summary>
public sealed record PlanCoursesForPosting(Guid PostingId) : IQuery<Result<GapPlanDto>>;

public sealed class PlanCoursesForPostingHandler(
    IMatchingFacade matching,
    IPostingDirectory postings,
    ISeekerProfiles profiles,
    ICourseRepository courses,
    CourseSkills skills,
    ICurrentUser currentUser)
    : IQueryHandler<PlanCoursesForPosting, Result<GapPlanDto>>
{
    public const int AlternativesPerGap = 3;

    public async ValueTask<Result<GapPlanDto>> Handle(PlanCoursesForPosting query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Plans are for job seekers.");
        }

        if (await postings.FindPublicAsync(query.PostingId, cancellationToken) is not { } posting)
        {
            return Error.NotFound("posting", query.PostingId);
        }

        var explained = await matching.ExplainAsync(seekerId, query.PostingId, cancellationToken);
        var gaps = explained is null ? null : await matching.GapsAsync(seekerId, query.PostingId, cancellationToken);
        if (explained is null || gaps is null)
        {
            return GapPlanDto.NotReady(query.PostingId, posting, await NotReadyStateAsync(seekerId, cancellationToken));
        }

        var catalog = gaps.Count == 0 ? [] : await courses.TeachingAnyAsync([.. gaps.Select(g => g.SkillId).Distinct()], cancellationToken);
        var byId = catalog.ToDictionary(c => c.Id.ToString());
        var chosen = new CoursePlanner(skills.Taxonomy).Choose(
            [.. gaps.Select(g => new SkillGap(g.SkillId, g.SkillName, g.Required, g.MinLevel, g.Weight, g.CurrentCredit, g.Dealbreaker))],
            [.. catalog.Select(ToEngine)]);

        // The score after each step: every course up to it taken, scored by matching.
        var learned = new List<LearnedSkillView>();
        var additions = chosen.Courses.Select(c =>
        {
            learned.AddRange(byId[c.Course.Id].Teaches.Select(t => new LearnedSkillView(t.SkillId, t.UpToLevel)));
            return (IReadOnlyList<LearnedSkillView>)[.. learned];
        }).ToList();
        if (await matching.ScoresWithAsync(seekerId, query.PostingId, additions, cancellationToken) is not { } scores)
        {
            return GapPlanDto.NotReady(query.PostingId, posting, PlanState.CatchingUp);
        }

        var dtos = catalog.ToDictionary(c => c.Id.ToString(), c => CourseDto.From(c, skills));
        var chosenIds = chosen.Courses.Select(c => c.Course.Id).ToHashSet();
        var verdicts = explained.Skills.GroupBy(v => v.SkillId).ToDictionary(g => g.Key, g => g.First());
        var gapDtos = gaps.GroupBy(g => g.SkillId).ToDictionary(g => g.Key, g => Gap(g.First(), verdicts.GetValueOrDefault(g.Key), catalog, dtos, chosenIds));

        var steps = new List<PlanStepDto>();
        decimal hours = 0;
        foreach (var (planned, index) in chosen.Courses.Select((p, i) => (p, i)))
        {
            hours += byId[planned.Course.Id].Hours;
            steps.Add(new PlanStepDto(index + 1, dtos[planned.Course.Id], [.. planned.Closes.Select(g => gapDtos[g.SkillId])], hours, scores.With[index]));
        }

        var cost = chosen.Courses.Select(p => byId[p.Course.Id])
            .GroupBy(c => c.Currency)
            .Where(g => g.Sum(c => c.Price) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Price));
        return new GapPlanDto(
            query.PostingId,
            posting.Title,
            posting.Company,
            posting.Status == "Published",
            PlanState.Ready,
            scores.Now,
            steps.Count > 0 ? steps[^1].ScoreAfter : scores.Now,
            steps,
            [.. gapDtos.Values.OrderByDescending(g => g.Required).ThenByDescending(g => g.Dealbreaker).ThenByDescending(g => g.Weight)],
            [.. chosen.Unclosed.Select(g => gapDtos[g.SkillId])],
            hours,
            cost,
            explained.FailedDealbreakers);
    }

    private async Task<PlanState> NotReadyStateAsync(Guid seekerId, CancellationToken cancellationToken) =>
        await profiles.FindAsync(seekerId, cancellationToken) is { Skills.Count: > 0 } ? PlanState.CatchingUp : PlanState.NoProfile;

    private static EngineCourse ToEngine(Domain.Catalog.Course course) =>
        new(course.Id.ToString(), course.Title, [.. course.Teaches.Select(t => new CourseSkill(t.SkillId, t.UpToLevel))], (double)course.Hours, course.Price);

    private static GapDto Gap(SkillGapView gap, SkillVerdictView? verdict, IReadOnlyList<Domain.Catalog.Course> catalog, Dictionary<string, CourseDto> dtos, HashSet<string> chosen)
    {
        var teaching = catalog
            .Select(c => (Course: c, Level: c.Teaches.FirstOrDefault(t => t.SkillId == gap.SkillId)?.UpToLevel ?? 0))
            .Where(x => x.Level > 0)
            .ToList();
        var alternatives = teaching
            .Where(x => x.Level >= gap.MinLevel && !chosen.Contains(x.Course.Id.ToString()))
            .OrderBy(x => x.Course.Hours).ThenBy(x => x.Course.Price).ThenBy(x => x.Course.Title, StringComparer.Ordinal)
            .Take(AlternativesPerGap)
            .Select(x => dtos[x.Course.Id.ToString()])
            .ToList();
        var nearest = teaching.Count == 0 ? 0 : teaching.Max(x => x.Level);
        string? note = teaching.Count == 0
            ? $"No course in the catalog teaches {gap.SkillName} yet."
            : nearest < gap.MinLevel
                ? $"The catalog's courses teach {gap.SkillName} up to level {nearest} ({CourseWords.LevelName(nearest)}); the posting asks for {gap.MinLevel} ({CourseWords.LevelName(gap.MinLevel)})."
                : null;
        var standing = verdict?.Kind switch
        {
            null or "Missing" => "missing",
            "Inferred" => $"inferred from {verdict.ViaSkillName}",
            "Related" => $"related: you know {verdict.ViaSkillName}",
            _ => verdict.Text,
        };
        return new GapDto(gap.SkillId, gap.SkillName, gap.Required, gap.Dealbreaker, gap.MinLevel, standing, gap.Weight, gap.CurrentCredit, alternatives, note);
    }
}
