using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Matching.Domain.Candidates;

/// <summary>
/// A company's own weights (1 to 10) and dealbreakers for ranking one posting's candidates, kept so that the candidates page opens
/// with them. Skills the posting no longer asks for are dropped when it is read (<see cref="For"/>).
/// </summary>
public sealed class SavedRanking : Entity<Guid>
{
    public const int MinWeight = 1;
    public const int MaxWeight = 10;

    private SavedRanking()
    {
    }

    public SavedRanking(Guid postingId, IReadOnlyDictionary<string, int> weights, IReadOnlyList<string> dealbreakers, Guid savedBy, DateTimeOffset savedAt)
    {
        Id = postingId;
        Change(weights, dealbreakers, savedBy, savedAt);
    }

    public IReadOnlyDictionary<string, int> Weights { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<string> Dealbreakers { get; private set; } = [];

    public Guid? SavedBy { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public void Change(IReadOnlyDictionary<string, int> weights, IReadOnlyList<string> dealbreakers, Guid savedBy, DateTimeOffset savedAt)
    {
        if (weights.Values.Any(w => w is < MinWeight or > MaxWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(weights), $"weights are {MinWeight} to {MaxWeight}");
        }

        Weights = new Dictionary<string, int>(weights, StringComparer.Ordinal);
        Dealbreakers = [.. dealbreakers.Distinct(StringComparer.Ordinal)];
        SavedBy = savedBy;
        SavedAt = savedAt;
    }

    /// <summary>The saved choice restricted to the posting's current skills (and its required ones for dealbreakers).</summary>
    public (IReadOnlyDictionary<string, int> Weights, IReadOnlyList<string> Dealbreakers) For(IReadOnlyCollection<string> skills, IReadOnlyCollection<string> requiredSkills) =>
        (Weights.Where(w => skills.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
         [.. Dealbreakers.Where(requiredSkills.Contains)]);

    public void ForgetSaver() => SavedBy = null;
}
