using System.Collections.Concurrent;
using Marketplace.Profiles.Application.Import;

namespace Marketplace.Profiles.Infrastructure.Import;

/// <summary>A fixed window per seeker, in memory; windows of seekers who stopped reading are dropped as new ones open.</summary>
internal sealed class CvReadingQuota(TimeProvider clock) : ICvReadingQuota
{
    private readonly ConcurrentDictionary<Guid, Window> _windows = new();

    public bool TryTake(Guid userId)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > 10_000)
        {
            foreach (var (key, old) in _windows)
            {
                if (now - old.Start >= ICvReadingQuota.Window)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        var window = _windows.AddOrUpdate(
            userId,
            _ => new Window(now, 1),
            (_, current) => now - current.Start >= ICvReadingQuota.Window ? new Window(now, 1) : current with { Used = current.Used + 1 });
        return window.Used <= ICvReadingQuota.PerWindow;
    }

    private sealed record Window(DateTimeOffset Start, int Used);
}
