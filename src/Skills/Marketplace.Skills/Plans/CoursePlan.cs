namespace Marketplace.Skills.Plans;

/// <summary>A skill a course teaches, up to a level (1 to 5).</summary>
public sealed record CourseSkill(string SkillId, int UpToLevel);

/// <summary>A course of the catalog: what it teaches, how many hours it takes and its price.</summary>
public sealed record Course(string Id, string Title, IReadOnlyList<CourseSkill> Teaches, double Hours, decimal Price);

/// <summary>A posting's skill the profile does not fully meet; <see cref="Value"/> is its weight times the missing credit.</summary>
public sealed record SkillGap(string SkillId, string SkillName, bool Required, int MinLevel, double Weight, double CurrentCredit)
{
    public double Value => Weight * (1 - CurrentCredit);
}

/// <summary>A course in a plan and the gaps it is the one to close.</summary>
public sealed record PlannedCourse(Course Course, IReadOnlyList<SkillGap> Closes);

/// <summary>The courses that close a profile's gaps for a posting, what stays open, and the score before and after.</summary>
public sealed record CoursePlan(
    IReadOnlyList<PlannedCourse> Courses,
    IReadOnlyList<SkillGap> Gaps,
    IReadOnlyList<SkillGap> Unclosed,
    double TotalHours,
    decimal TotalPrice,
    double ScoreBefore,
    double ProjectedScore);
