using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Matching.Infrastructure.Taxonomy;

/// <summary>
/// This process's current taxonomy: the embedded data with the stored overlay applied up to <see cref="Position"/>. The matching
/// engine moves it forward as it reads the change feed (every process does, a few times a second), so the taxonomy every module
/// sees and the one the engine scores with change together.
/// </summary>
public sealed class TaxonomyCatalog
{
    private readonly object _gate = new();
    private readonly List<OverlayEntry> _entries = [];
    private (long Position, SkillTaxonomy Taxonomy) _current = (0, SkillTaxonomy.Embedded);

    public SkillTaxonomy Current => _current.Taxonomy;

    /// <summary>The feed position of the last overlay change applied (0: none).</summary>
    public long Position => _current.Position;

    /// <summary>The taxonomy with every known change up to <paramref name="position"/> plus <paramref name="newer"/> (read from the
    /// feed, oldest first) applied, made current when it is newer than the current one.</summary>
    internal SkillTaxonomy Through(long position, IReadOnlyList<OverlayEntry> newer)
    {
        lock (_gate)
        {
            foreach (var entry in newer)
                if (_entries.Count == 0 || entry.Position > _entries[^1].Position) _entries.Add(entry);
            if (position == _current.Position) return _current.Taxonomy;

            var changes = _entries.Where(e => e.Position <= position).Select(e => e.ToChange()).ToList();
            var result = SkillTaxonomy.Embedded.WithOverlay(new TaxonomyOverlay(changes));
            // Every change was checked against all before it when it was stored, under the feed lock; failing now means a bug or a
            // hand-edited row, and a process that cannot apply the feed must not guess what the others do.
            var taxonomy = result.Taxonomy ?? throw new InvalidDataException(
                $"The stored taxonomy overlay through position {position} does not apply: {string.Join("; ", result.Errors)}");
            if (position > _current.Position) _current = (position, taxonomy);
            return taxonomy;
        }
    }
}
