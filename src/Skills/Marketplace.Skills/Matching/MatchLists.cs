using Marketplace.Skills.Scoring;

namespace Marketplace.Skills.Matching;

/// <summary>What an update of <see cref="MatchLists"/> changed: the postings whose candidate list changed (or went) and the profiles
/// whose list of postings changed (or went); store just those.</summary>
public sealed record MatchChanges(IReadOnlyCollection<string> Postings, IReadOnlyCollection<string> Profiles);

/// <summary>The top candidates of every posting and the top postings of every profile, kept exactly equal to a full rematch of the
/// current profiles and postings as they change, with each update touching only the lists it can change. Not thread-safe: one
/// writer; its indexes are immutable snapshots that readers may share.</summary>
/// <remarks>
/// Profile changes are applied first, against the postings as they were, then posting changes against the new profiles. A changed
/// profile gets a fresh list of postings, and is scored against every posting: it enters a list it now beats, and a list it was on is
/// recomputed (its score may have dropped below a profile the list had cut off). A changed posting gets a fresh list of candidates,
/// and one scan of the profiles, against each profile's current last score, finds the lists it may enter; the lists it was on are
/// recomputed. A removed profile or posting leaves every list it was on, and those lists are recomputed.
/// </remarks>
public sealed class MatchLists
{
    private readonly int _perPosting;
    private readonly int _perProfile;
    private readonly Dictionary<string, RankedMatch[]> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RankedMatch[]> _postingsOf = new(StringComparer.Ordinal);
    // The reverse of both: on which postings' lists a profile stands, and on which profiles' lists a posting stands.
    private readonly Dictionary<string, HashSet<string>> _listedFor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _listedBy = new(StringComparer.Ordinal);
    // The lists an update touched, as they were before it.
    private readonly Dictionary<string, RankedMatch[]?> _originalCandidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RankedMatch[]?> _originalPostings = new(StringComparer.Ordinal);

    private MatchLists(ProfileIndex profiles, PostingIndex postings, int perPosting, int perProfile)
    {
        Profiles = profiles;
        Postings = postings;
        _perPosting = perPosting;
        _perProfile = perProfile;
    }

    /// <summary>The profiles the lists are computed over.</summary>
    public ProfileIndex Profiles { get; private set; }

    /// <summary>The postings the lists are computed over.</summary>
    public PostingIndex Postings { get; private set; }

    /// <summary>Runs a full rematch (<see cref="Rematch.All"/>) and keeps its lists.</summary>
    public static MatchLists Build(ProfileIndex profiles, PostingIndex postings, int candidatesPerPosting = 50, int postingsPerProfile = 20)
    {
        var lists = new MatchLists(profiles, postings, candidatesPerPosting, postingsPerProfile);
        var all = Rematch.All(profiles, postings, candidatesPerPosting, postingsPerProfile);
        foreach (var (id, list) in all.CandidatesByPosting) lists.SetCandidates(id, [.. list]);
        foreach (var (id, list) in all.PostingsByProfile) lists.SetPostings(id, [.. list]);
        return lists;
    }

    /// <summary>The posting's candidates, best first (empty for an unknown posting).</summary>
    public IReadOnlyList<RankedMatch> CandidatesOf(string postingId) => _candidates.GetValueOrDefault(postingId) ?? [];

    /// <summary>The profile's postings, best first (empty for an unknown profile).</summary>
    public IReadOnlyList<RankedMatch> PostingsOf(string profileId) => _postingsOf.GetValueOrDefault(profileId) ?? [];

    /// <summary>Applies profile and posting changes (removals, then additions or replacements; the last one wins for a repeated id)
    /// and returns the lists that changed. Invalid input throws <see cref="ArgumentException"/> before anything changes.</summary>
    public MatchChanges Apply(IEnumerable<Profile> profiles, IEnumerable<string> removedProfiles, IEnumerable<Posting> postings, IEnumerable<string> removedPostings)
    {
        var profileList = Last(profiles, p => p.Id);
        var postingList = Last(postings, j => j.Id);
        var goneProfiles = new HashSet<string>(removedProfiles, StringComparer.Ordinal);
        var gonePostings = new HashSet<string>(removedPostings, StringComparer.Ordinal);
        goneProfiles.ExceptWith(profileList.Select(p => p.Id));
        gonePostings.ExceptWith(postingList.Select(j => j.Id));
        var newProfiles = Profiles.Apply(profileList, goneProfiles);
        var newPostings = Postings.Apply(postingList, gonePostings);

        _originalCandidates.Clear();
        _originalPostings.Clear();
        ApplyProfiles(newProfiles, profileList, goneProfiles);
        ApplyPostings(newPostings, postingList, gonePostings);
        // A list may change in one phase and change back in the other: compare with the lists as they were.
        return new MatchChanges(Changed(_originalCandidates, _candidates), Changed(_originalPostings, _postingsOf));
    }

    private static List<string> Changed(Dictionary<string, RankedMatch[]?> originals, Dictionary<string, RankedMatch[]> lists) =>
        [.. originals.Where(o => !Same(o.Value, lists.GetValueOrDefault(o.Key))).Select(o => o.Key)];

    private static bool Same(RankedMatch[]? a, RankedMatch[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static List<T> Last<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) byId[id(item)] = item;
        return [.. byId.Values];
    }

    // Profiles change; postings stay as they are.
    private void ApplyProfiles(ProfileIndex profiles, List<Profile> upserts, HashSet<string> removed)
    {
        Profiles = profiles;
        var stale = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in removed)
        {
            SetPostings(id, null);
            if (_listedFor.TryGetValue(id, out var listed)) stale.UnionWith(listed);
        }
        foreach (var profile in upserts)
        {
            SetPostings(profile.Id, [.. Postings.TopK(profile, _perProfile)]);
            var scores = Postings.ScoresOf(profile);
            for (int j = 0; j < scores.Length; j++)
            {
                string postingId = Postings.IdAt(j);
                if (stale.Contains(postingId)) continue;
                var list = _candidates[postingId];
                var updated = Update(list, profile.Id, double.IsNaN(scores[j]) ? null : new RankedMatch(profile.Id, scores[j]), _perPosting);
                if (updated is null) stale.Add(postingId);
                else if (!ReferenceEquals(updated, list)) SetCandidates(postingId, updated);
            }
        }
        foreach (string postingId in stale)
            SetCandidates(postingId, [.. profiles.TopK(Postings.CompiledAt(Postings.IndexOf(postingId)), _perPosting)]);
    }

    // Postings change; profiles stay as they are.
    private void ApplyPostings(PostingIndex postings, List<Posting> upserts, HashSet<string> removed)
    {
        Postings = postings;
        var stale = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in removed)
        {
            SetCandidates(id, null);
            if (_listedBy.TryGetValue(id, out var listed)) stale.UnionWith(listed);
        }
        foreach (var posting in upserts)
        {
            var (top, reaching) = Profiles.TopKAndReaching(postings.CompiledAt(postings.IndexOf(posting.Id)), _perPosting, Thresholds());
            SetCandidates(posting.Id, top);
            var scores = reaching.ToDictionary(m => m.Id, m => m.Score, StringComparer.Ordinal);
            // The profiles that had the posting on their list and were not reached: it fell below their cut, or a dealbreaker now excludes it.
            if (_listedBy.TryGetValue(posting.Id, out var holders))
                foreach (string profileId in holders)
                    if (!scores.ContainsKey(profileId)) stale.Add(profileId);
            foreach (var (profileId, score) in scores)
            {
                if (stale.Contains(profileId)) continue;
                var list = _postingsOf[profileId];
                var updated = Update(list, posting.Id, new RankedMatch(posting.Id, score), _perProfile);
                if (updated is null) stale.Add(profileId);
                else if (!ReferenceEquals(updated, list)) SetPostings(profileId, updated);
            }
        }
        foreach (string profileId in stale)
            SetPostings(profileId, [.. postings.TopK(Profiles.RecordOf(profileId), _perProfile)]);
    }

    // Per segment of the profile index, the 16-bit threshold a posting's upper bound must reach to beat the last of each profile's list.
    private ushort[][] Thresholds()
    {
        var segments = Profiles.Segments;
        var thresholds = new ushort[segments.Length][];
        for (int s = 0; s < segments.Length; s++)
        {
            var segment = segments[s].Segment;
            var threshold = thresholds[s] = new ushort[segment.Count];
            for (int p = 0; p < segment.Count; p++)
                threshold[p] = _postingsOf.TryGetValue(segment.Ids[p], out var list) ? ThresholdOf(list, _perProfile) : ushort.MaxValue;
        }
        return thresholds;
    }

    private static ushort ThresholdOf(RankedMatch[] list, int k) =>
        k == 0 ? ushort.MaxValue : list.Length < k ? (ushort)0 : (ushort)Math.Max(0, Math.Floor(list[^1].Score * ScanPosting.Units - 1e-6));

    // A list of the k best (score desc, id ordinal asc) after the entry for id takes the new match (null: it no longer matches). The same
    // list when nothing changes; null when the list cannot be told without a new query: the entry was on it and its new place is
    // behind the old last entry, where the best of those the list had cut off might belong.
    private static RankedMatch[]? Update(RankedMatch[] list, string id, RankedMatch? match, int k)
    {
        if (k == 0) return list;
        int at = Array.FindIndex(list, m => m.Id == id);
        if (at < 0)
        {
            if (match is not { } entering) return list;
            int place = Place(list, entering);
            if (place >= k) return list;
            var result = new List<RankedMatch>(list);
            result.Insert(place, entering);
            if (result.Count > k) result.RemoveAt(k);
            return [.. result];
        }
        // A list shorter than k holds every match there is, so nothing was cut off.
        if (match is not { } moved) return list.Length < k ? [.. list.Where((_, i) => i != at)] : null;
        if (list.Length == k && !Before(moved, list[^1]) && !moved.Equals(list[^1])) return null;
        var rest = list.Where((_, i) => i != at).ToList();
        rest.Insert(Place([.. rest], moved), moved);
        return [.. rest];
    }

    private static int Place(RankedMatch[] list, RankedMatch match)
    {
        int at = 0;
        while (at < list.Length && Before(list[at], match)) at++;
        return at;
    }

    private static bool Before(RankedMatch a, RankedMatch b) => a.Score > b.Score || (a.Score == b.Score && string.CompareOrdinal(a.Id, b.Id) < 0);

    // Sets (or with null removes) a posting's or a profile's list, keeping the reverse map and the list as it was before the update.
    private void SetCandidates(string postingId, RankedMatch[]? list) => Set(_candidates, _listedFor, _originalCandidates, postingId, list);

    private void SetPostings(string profileId, RankedMatch[]? list) => Set(_postingsOf, _listedBy, _originalPostings, profileId, list);

    private static void Set(Dictionary<string, RankedMatch[]> lists, Dictionary<string, HashSet<string>> reverse,
        Dictionary<string, RankedMatch[]?> originals, string owner, RankedMatch[]? list)
    {
        var old = lists.GetValueOrDefault(owner);
        originals.TryAdd(owner, old);
        if (Same(old, list)) return;
        foreach (var match in old ?? [])
            if (reverse.TryGetValue(match.Id, out var set) && set.Remove(owner) && set.Count == 0) reverse.Remove(match.Id);
        if (list is null)
        {
            lists.Remove(owner);
            return;
        }
        lists[owner] = list;
        foreach (var match in list)
        {
            if (!reverse.TryGetValue(match.Id, out var set)) reverse[match.Id] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(owner);
        }
    }
}
