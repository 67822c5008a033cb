namespace Marketplace.Skills.Scoring;

/// <summary>The scoring model's constants and the arithmetic shared by the scorer and the indexes, so both give bit-identical scores.</summary>
public static class MatchingModel
{
    public const double RequiredPoints = 70;
    public const double NiceToHavePoints = 10;
    public const double SeniorityPoints = 10;
    public const double LocationPoints = 5;
    public const double SalaryPoints = 5;

    /// <summary>Credit for a required skill implied by one the profile has (C# from ASP.NET Core).</summary>
    public const double InferredCredit = 0.8;

    /// <summary>Credit for a related skill is this factor times its similarity (MySQL for MariaDB at 0.8 earns 0.6).</summary>
    public const double RelatedCreditFactor = 0.75;

    /// <summary>Credit for a level: full at or above the minimum, level/minimum below it.</summary>
    public static double LevelFactor(int level, int minLevel) => level >= minLevel ? 1.0 : (double)level / minLevel;

    internal static double Combine(double requiredSum, double requiredWeight, double niceSum, double niceWeight, double nonSkill) =>
        RequiredPart(requiredSum, requiredWeight) + NicePart(niceSum, niceWeight) + nonSkill;

    internal static double RequiredPart(double sum, double weight) => weight > 0 ? RequiredPoints * sum / weight : RequiredPoints;

    internal static double NicePart(double sum, double weight) => weight > 0 ? NiceToHavePoints * sum / weight : NiceToHavePoints;

    internal static double SeniorityFit(Seniority? profile, Seniority? posting)
    {
        if (posting is null) return 1.0;
        if (profile is null) return 0.5;
        int gap = (int)posting.Value - (int)profile.Value;
        return gap <= 0 ? 1.0 : gap == 1 ? 0.5 : 0.0;
    }

    internal static double ModeFit(RemotePreference preference, WorkMode mode) => (preference, mode) switch
    {
        (RemotePreference.Any, _) => 1.0,
        (_, WorkMode.Remote) => preference == RemotePreference.OnSite ? 0.5 : 1.0,
        (RemotePreference.Remote, WorkMode.Hybrid) => 0.5,
        (RemotePreference.Remote, WorkMode.OnSite) => 0.0,
        (RemotePreference.Hybrid, WorkMode.OnSite) => 0.5,
        _ => 1.0,
    };

    /// <summary>1 when the country fits (same, unknown, or remote work), 0.5 when the seeker would relocate, 0 otherwise (a hard mismatch).</summary>
    internal static double CountryFit(bool sameOrUnknownCountry, bool willingToRelocate, WorkMode mode) =>
        mode == WorkMode.Remote || sameOrUnknownCountry ? 1.0 : willingToRelocate ? 0.5 : 0.0;

    /// <summary>1 when the posting's top can reach the seeker's minimum, 0.5 when either is unknown, 0 otherwise (a hard mismatch).</summary>
    internal static double SalaryFit(double? postingMax, double? profileMin) =>
        postingMax is null || profileMin is null ? 0.5 : postingMax.Value >= profileMin.Value ? 1.0 : 0.0;

    internal static double NonSkill(double seniorityFit, double modeFit, double countryFit, double salaryFit) =>
        SeniorityPoints * seniorityFit + LocationPoints * (modeFit * countryFit) + SalaryPoints * salaryFit;
}
