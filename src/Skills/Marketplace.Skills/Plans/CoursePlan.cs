namespace Marketplace.Skills.Plans;

/// <summary>A skill a course teaches, up to a level (1 to 5).</summary>
public sealed record CourseSkill(string SkillId, int UpToLevel);

/// <summary>A course of the catalog: what it teaches, how many hours it takes and its price.</summary>
public sealed record Course(string Id, string Title, IReadOnlyList<CourseSkill> Teaches, double Hours, decimal Price);

/// <summary>A posting's skill the profile does not fully meet; <see cref="Value"/> is its weight times the missing credit.</summary>
public sealed record SkillGap(string SkillId, string SkillName, bool Required, int MinLevel, double Weight, double CurrentCredit, bool Dealbreaker = false)
{
    public double Value => Weight * (1 - CurrentCredit);
}

/// <summary>A course in a plan, the gaps it is the one to close, and where the plan stands once it is done: the hours so far and
/// the score the profile would then reach (every course up to this one taken).</summary>
public sealed record PlannedCourse(Course Course, IReadOnlyList<SkillGap> Closes, double HoursSoFar, double ScoreAfter);

/// <summary>A course chosen for a plan and the gaps it is the one to close.</summary>
public sealed record ChosenCourse(Course Course, IReadOnlyList<SkillGap> Closes);

/// <summary>The courses chosen to close a set of gaps, in order, and the gaps none of them closes.</summary>
public sealed record ChosenCourses(IReadOnlyList<ChosenCourse> Courses, IReadOnlyList<SkillGap> Unclosed);

/// <summary>A gap and every course of the catalog that closes it, fewest hours first (then cheaper, then by id).</summary>
public sealed record GapOptions(SkillGap Gap, IReadOnlyList<Course> Courses);

/// <summary>The courses that close a profile's gaps for a posting, in order, what stays open, the alternatives per gap, and the score
/// before and after; <see cref="ExcludedBefore"/> and <see cref="ExcludedAfter"/> say whether a dealbreaker keeps the profile out.</summary>
public sealed record CoursePlan(
    IReadOnlyList<PlannedCourse> Courses,
    IReadOnlyList<SkillGap> Gaps,
    IReadOnlyList<SkillGap> Unclosed,
    double TotalHours,
    decimal TotalPrice,
    double ScoreBefore,
    double ProjectedScore,
    IReadOnlyList<GapOptions> Options,
    bool ExcludedBefore,
    bool ExcludedAfter);

/// <summary>A skill worth learning for a set of postings (a seeker's best matches): the level to learn it to, the score it would add
/// across them, in how many it raises the score, and in how many it lifts a dealbreaker that now keeps the seeker out.</summary>
public sealed record SkillWorth(string SkillId, string SkillName, int Level, double TotalGain, int Postings, int Unblocks);
