using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Skills.Plans;
using Marketplace.Skills.Scoring;
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
    int? CurrentLevel,
    string Standing,
    double Weight,
    IReadOnlyList<CourseDto> Alternatives,
    string? NearestLevelNote);

/// <summary>One course of the plan: the gaps it closes, and the hours, cost and score once it (and the ones before) are done.</summary>
public sealed record PlanStepDto(int Number, CourseDto Course, IReadOnlyList<GapDto> Closes, decimal CumulativeHours, double ScoreAfter);

public sealed record GapPlanDto(
    Guid PostingId,
    string PostingTitle,
    string Company,
    bool PostingOpen,
    double ScoreBefore,
    double ProjectedScore,
    IReadOnlyList<PlanStepDto> Steps,
    IReadOnlyList<GapDto> Gaps,
    IReadOnlyList<GapDto> Unclosed,
    decimal TotalHours,
    IReadOnlyDictionary<string, decimal> TotalCost,
    IReadOnlyList<string> FailedDealbreakers,
    bool HasProfile);

/// <summary>
/// The courses that close the signed-in seeker's gaps for one posting: the engine's plan (required gaps first, fewest hours
/// per unit of gap closed), the score after each course, up to three other courses for each gap, and the gaps no course
/// teaches far enough.
/// </summary>
public sealed record PlanCoursesForPosting(Guid PostingId) : IQuery<Result<GapPlanDto>>;

public sealed class PlanCoursesForPostingHandler(IGapSource gaps, ICourseRepository courses, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<PlanCoursesForPosting, Result<GapPlanDto>>
{
    public const int AlternativesPerGap = 3;

    public async ValueTask<Result<GapPlanDto>> Handle(PlanCoursesForPosting query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Plans are for job seekers.");
        }

        var inputs = await gaps.ForAsync(seekerId, query.PostingId, cancellationToken);
        if (inputs.IsFailure)
        {
            return Result<GapPlanDto>.Failure(inputs.Errors);
        }

        var (profile, posting) = (inputs.Value.Profile, inputs.Value.Posting);
        var scorer = new Scorer(skills.Taxonomy);
        var explanation = scorer.Explain(profile, posting);
        var open = explanation.Skills.Where(v => v.Credit < 1).ToList();
        var catalog = open.Count == 0 ? [] : await courses.TeachingAnyAsync([.. open.Select(v => v.SkillId).Distinct()], cancellationToken);
        var byId = catalog.ToDictionary(c => c.Id.ToString());
        var plan = new CoursePlanner(skills.Taxonomy).Plan(profile, posting, [.. catalog.Select(ToEngine)]);

        var dtos = catalog.ToDictionary(c => c.Id.ToString(), c => CourseDto.From(c, skills));
        var chosen = plan.Courses.Select(p => p.Course.Id).ToHashSet();
        var gapDtos = open.GroupBy(v => v.SkillId).ToDictionary(g => g.Key, g => Gap(g.First(), catalog, dtos, chosen));

        var steps = new List<PlanStepDto>();
        var learned = new List<ProfileSkill>();
        decimal hours = 0;
        foreach (var (planned, number) in plan.Courses.Select((p, i) => (p, i + 1)))
        {
            var course = byId[planned.Course.Id];
            learned.AddRange(course.Teaches.Select(t => new ProfileSkill(t.SkillId, t.UpToLevel)));
            hours += course.Hours;
            steps.Add(new PlanStepDto(number, dtos[planned.Course.Id], [.. planned.Closes.Select(g => gapDtos[g.SkillId])], hours, scorer.Score(profile.WithSkills(learned), posting)));
        }

        var cost = plan.Courses.Select(p => byId[p.Course.Id])
            .GroupBy(c => c.Currency)
            .Where(g => g.Sum(c => c.Price) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Price));
        return new GapPlanDto(
            query.PostingId,
            inputs.Value.PostingTitle,
            inputs.Value.Company,
            inputs.Value.PostingOpen,
            explanation.Score,
            plan.ProjectedScore,
            steps,
            [.. gapDtos.Values.OrderByDescending(g => g.Required).ThenByDescending(g => g.Weight)],
            [.. plan.Unclosed.Select(g => gapDtos[g.SkillId])],
            hours,
            cost,
            explanation.FailedDealbreakers,
            profile.Skills.Count > 0);
    }

    private static EngineCourse ToEngine(Domain.Catalog.Course course) =>
        new(course.Id.ToString(), course.Title, [.. course.Teaches.Select(t => new CourseSkill(t.SkillId, t.UpToLevel))], (double)course.Hours, course.Price);

    private static GapDto Gap(SkillVerdict verdict, IReadOnlyList<Domain.Catalog.Course> catalog, Dictionary<string, CourseDto> dtos, HashSet<string> chosen)
    {
        var teaching = catalog
            .Select(c => (Course: c, Level: c.Teaches.FirstOrDefault(t => t.SkillId == verdict.SkillId)?.UpToLevel ?? 0))
            .Where(x => x.Level > 0)
            .ToList();
        var alternatives = teaching
            .Where(x => x.Level >= verdict.MinLevel && !chosen.Contains(x.Course.Id.ToString()))
            .OrderBy(x => x.Course.Hours).ThenBy(x => x.Course.Price).ThenBy(x => x.Course.Title, StringComparer.Ordinal)
            .Take(AlternativesPerGap)
            .Select(x => dtos[x.Course.Id.ToString()])
            .ToList();
        var nearest = teaching.Count == 0 ? 0 : teaching.Max(x => x.Level);
        string? note = teaching.Count == 0
            ? $"No course in the catalog teaches {verdict.SkillName} yet."
            : nearest < verdict.MinLevel
                ? $"The catalog's courses teach {verdict.SkillName} up to level {nearest} ({CourseWords.LevelName(nearest)}); the posting asks for {verdict.MinLevel} ({CourseWords.LevelName(verdict.MinLevel)})."
                : null;
        var standing = verdict.Kind switch
        {
            SkillMatchKind.Missing => "missing",
            SkillMatchKind.BelowLevel => $"you have level {verdict.Level}",
            SkillMatchKind.Inferred => $"inferred from {verdict.ViaSkillName}",
            SkillMatchKind.Related => $"related: you know {verdict.ViaSkillName}",
            _ => verdict.Text,
        };
        return new GapDto(verdict.SkillId, verdict.SkillName, verdict.Required, verdict.Dealbreaker, verdict.MinLevel, verdict.Level, standing, verdict.Weight, alternatives, note);
    }
}
