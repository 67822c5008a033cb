namespace Marketplace.Skills.Matching;

// Dense ids for country keys: -1 unknown, -2 known but absent from this index (equal to nothing).
internal sealed class CountryCodes
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Add(string? key)
    {
        if (key is null) return -1;
        if (!_ids.TryGetValue(key, out int id))
        {
            _ids[key] = id = _ids.Count;
            _names.Add(key);
        }
        return id;
    }

    public int Find(string? key) => key is null ? -1 : _ids.TryGetValue(key, out int id) ? id : -2;

    public string? NameOf(int id) => id >= 0 ? _names[id] : null;

    public static bool SameOrUnknown(int a, int b) => a == -1 || b == -1 || (a == b && a >= 0);
}
