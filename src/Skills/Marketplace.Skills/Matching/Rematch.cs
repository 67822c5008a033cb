using Marketplace.Skills.Scoring;

namespace Marketplace.Skills.Matching;

/// <summary>The result of a full rematch: top candidates per posting and top postings per profile, by id.</summary>
public sealed record RematchResult(
    IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> CandidatesByPosting,
    IReadOnlyDictionary<string, IReadOnlyList<RankedMatch>> PostingsByProfile);

/// <summary>Rematches everything on all cores: the top candidates for every posting and the top postings for every profile.</summary>
public static class Rematch
{
    public static RematchResult All(ProfileIndex profiles, PostingIndex postings, IReadOnlyList<Profile> allProfiles, IReadOnlyList<Posting> allPostings,
        int candidatesPerPosting = 50, int postingsPerProfile = 20)
    {
        var compiledPostings = new CompiledPosting[allPostings.Count];
        Parallel.For(0, allPostings.Count, i => compiledPostings[i] = new CompiledPosting(allPostings[i], profiles.Taxonomy));
        var candidates = new IReadOnlyList<RankedMatch>[allPostings.Count];
        Parallel.For(0, allPostings.Count, i => candidates[i] = profiles.TopK(compiledPostings[i], candidatesPerPosting));

        var best = new IReadOnlyList<RankedMatch>[allProfiles.Count];
        Parallel.For(0, allProfiles.Count, i => best[i] = postings.TopK(new CompiledProfile(allProfiles[i], postings.Taxonomy), postingsPerProfile));

        var byPosting = new Dictionary<string, IReadOnlyList<RankedMatch>>(allPostings.Count, StringComparer.Ordinal);
        for (int i = 0; i < allPostings.Count; i++) byPosting[allPostings[i].Id] = candidates[i];
        var byProfile = new Dictionary<string, IReadOnlyList<RankedMatch>>(allProfiles.Count, StringComparer.Ordinal);
        for (int i = 0; i < allProfiles.Count; i++) byProfile[allProfiles[i].Id] = best[i];
        return new RematchResult(byPosting, byProfile);
    }
}
