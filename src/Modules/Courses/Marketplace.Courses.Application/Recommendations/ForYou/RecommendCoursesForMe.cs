using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Matching.Contracts;
using Marketplace.Profiles.Contracts;
using Mediator;

namespace Marketplace.Courses.Application.Recommendations.ForYou;

/// <summary>Why there is nothing to recommend, when there is not.</summary>
public enum RecommendationState
{
    Ready,

    /// <summary>The seeker has no profile with skills, so there are no matches to learn for.</summary>
    NoProfile,

    /// <summary>The profile is there but has no matches (yet, or no open posting fits it).</summary>
    NoMatches,
}

/// <summary>One of the seeker's best matches that learning a skill would raise, and by how much.</summary>
public sealed record RaisedMatchDto(Guid PostingId, string Title, string Company, double ScoreNow, double ScoreWith);

/// <summary>
/// A skill worth learning: the level to learn it to (the highest any of the matches asks), in how many of the best matches it is a
/// gap, the points it would add across them, the matches it raises most, and the best courses for it (fewest hours first).
/// </summary>
public sealed record SkillToLearnDto(
    string SkillId,
    string Name,
    int Level,
    int MissingIn,
    int RequiredIn,
    int DealbreakerIn,
    double TotalGain,
    IReadOnlyList<RaisedMatchDto> Raises,
    IReadOnlyList<CourseDto> Courses,
    string? CourseNote);

public sealed record RecommendationsDto(RecommendationState State, int MatchesConsidered, IReadOnlyList<SkillToLearnDto> Skills);

/// <summary>
/// Courses for the signed-in seeker: the skills most often missing across their best matches (Matching's stored list), ranked by
/// the points closing each would add to those matches' scores (each match rescored by Matching with the skill added at the level
/// asked), with the best courses for each skill.
/// </summary>
public sealed record RecommendCoursesForMe : IQuery<Result<RecommendationsDto>>
{
    public const int MatchesConsidered = 20;
    public const int SkillsShown = 8;
    public const int CoursesPerSkill = 3;
    public const int RaisesShown = 3;
}

public sealed class RecommendCoursesForMeHandler(IMatchingFacade matching, ISeekerProfiles profiles, ICourseRepository courses, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<RecommendCoursesForMe, Result<RecommendationsDto>>
{
    public async ValueTask<Result<RecommendationsDto>> Handle(RecommendCoursesForMe query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } seekerId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Recommendations are for job seekers.");
        }

        var matches = await matching.MatchesOfProfileAsync(seekerId, 1, RecommendCoursesForMe.MatchesConsidered, cancellationToken);
        if (matches.Items.Count == 0)
        {
            var state = await profiles.FindAsync(seekerId, cancellationToken) is { Skills.Count: > 0 } ? RecommendationState.NoMatches : RecommendationState.NoProfile;
            return new RecommendationsDto(state, 0, []);
        }

        // Every match's gaps; a skill is learnt to the highest level any of them asks for it.
        var gapsOf = new List<(ProfileMatchView Match, IReadOnlyList<SkillGapView> Gaps)>();
        foreach (var match in matches.Items)
        {
            if (await matching.GapsAsync(seekerId, match.PostingId, cancellationToken) is { } gaps)
            {
                gapsOf.Add((match, gaps));
            }
        }

        var wanted = gapsOf.SelectMany(m => m.Gaps)
            .GroupBy(g => g.SkillId, StringComparer.Ordinal)
            .Select(g => (SkillId: g.Key, Name: g.First().SkillName, Level: g.Max(x => x.MinLevel)))
            .OrderBy(s => s.SkillId, StringComparer.Ordinal)
            .ToList();
        if (wanted.Count == 0)
        {
            return new RecommendationsDto(RecommendationState.Ready, gapsOf.Count, []);
        }

        // Each match rescored with each skill alone, so a skill that implies another earns for both.
        IReadOnlyList<IReadOnlyList<LearnedSkillView>> additions = [.. wanted.Select(s => (IReadOnlyList<LearnedSkillView>)[new LearnedSkillView(s.SkillId, s.Level)])];
        var gains = wanted.ToDictionary(s => s.SkillId, _ => new List<RaisedMatchDto>(), StringComparer.Ordinal);
        foreach (var (match, _) in gapsOf)
        {
            if (await matching.ScoresWithAsync(seekerId, match.PostingId, additions, cancellationToken) is not { } scores)
            {
                continue;
            }

            for (var i = 0; i < wanted.Count; i++)
            {
                if (scores.With[i] > scores.Now)
                {
                    gains[wanted[i].SkillId].Add(new RaisedMatchDto(match.PostingId, match.Title, match.Company, scores.Now, scores.With[i]));
                }
            }
        }

        var ranked = wanted
            .Select(s => (Skill: s, Raises: gains[s.SkillId], Gain: gains[s.SkillId].Sum(r => r.ScoreWith - r.ScoreNow)))
            .Where(s => s.Gain > 0)
            .OrderByDescending(s => s.Gain).ThenBy(s => s.Skill.SkillId, StringComparer.Ordinal)
            .Take(RecommendCoursesForMe.SkillsShown)
            .ToList();
        var catalog = ranked.Count == 0 ? [] : await courses.TeachingAnyAsync([.. ranked.Select(s => s.Skill.SkillId)], cancellationToken);

        var result = ranked.Select(s =>
        {
            var asGap = gapsOf.Select(m => m.Gaps.FirstOrDefault(g => g.SkillId == s.Skill.SkillId)).Where(g => g is not null).ToList();
            var (best, note) = BestCourses(s.Skill.SkillId, s.Skill.Name, s.Skill.Level, catalog);
            return new SkillToLearnDto(
                s.Skill.SkillId,
                s.Skill.Name,
                s.Skill.Level,
                asGap.Count,
                asGap.Count(g => g!.Required),
                asGap.Count(g => g!.Dealbreaker),
                Math.Round(s.Gain, 1),
                [.. s.Raises.OrderByDescending(r => r.ScoreWith - r.ScoreNow).ThenByDescending(r => r.ScoreWith).Take(RecommendCoursesForMe.RaisesShown)],
                [.. best.Select(c => CourseDto.From(c, skills))],
                note);
        }).ToList();
        return new RecommendationsDto(RecommendationState.Ready, gapsOf.Count, result);
    }

    /// <summary>The courses that teach the skill to the level, fewest hours first (then cheaper); when none does, the ones that teach
    /// it furthest, with a note saying how far.</summary>
    private static (IReadOnlyList<Domain.Catalog.Course> Courses, string? Note) BestCourses(string skillId, string name, int level, IReadOnlyList<Domain.Catalog.Course> catalog)
    {
        var teaching = catalog
            .Select(c => (Course: c, Level: c.Teaches.FirstOrDefault(t => t.SkillId == skillId)?.UpToLevel ?? 0))
            .Where(x => x.Level > 0)
            .ToList();
        if (teaching.Count == 0)
        {
            return ([], $"No course in the catalog teaches {name} yet.");
        }

        static IOrderedEnumerable<(Domain.Catalog.Course Course, int Level)> Order(IEnumerable<(Domain.Catalog.Course Course, int Level)> courses) =>
            courses.OrderBy(x => x.Course.Hours).ThenBy(x => x.Course.Price).ThenBy(x => x.Course.Title, StringComparer.Ordinal);
        var enough = teaching.Where(x => x.Level >= level).ToList();
        if (enough.Count > 0)
        {
            return ([.. Order(enough).Take(RecommendCoursesForMe.CoursesPerSkill).Select(x => x.Course)], null);
        }

        var furthest = teaching.Max(x => x.Level);
        return ([.. Order(teaching.Where(x => x.Level == furthest)).Take(RecommendCoursesForMe.CoursesPerSkill).Select(x => x.Course)],
            $"No course teaches {name} to level {level} yet; these take it to level {furthest}.");
    }
}
