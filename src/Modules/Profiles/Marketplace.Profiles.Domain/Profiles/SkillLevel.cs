namespace Marketplace.Profiles.Domain.Profiles;

/// <summary>How well a seeker knows a skill, from 1 to 5; the numbers are what matching scores, the words what people read.</summary>
public enum SkillLevel
{
    Aware = 1,
    Beginner = 2,
    Competent = 3,
    Proficient = 4,
    Expert = 5,
}

public static class SkillLevels
{
    public const int Min = 1;
    public const int Max = 5;

    public static bool IsValid(int level) => level is >= Min and <= Max;

    /// <summary>What a level means, in the words the pages and the API show next to it.</summary>
    public static string Describe(SkillLevel level) => level switch
    {
        SkillLevel.Aware => "knows what it is for and has tried it",
        SkillLevel.Beginner => "has used it with guidance",
        SkillLevel.Competent => "has used it in production",
        SkillLevel.Proficient => "works on hard problems with it alone and reviews others' work",
        SkillLevel.Expert => "knows it in depth, teaches it and sets the direction",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels run from 1 to 5."),
    };
}
