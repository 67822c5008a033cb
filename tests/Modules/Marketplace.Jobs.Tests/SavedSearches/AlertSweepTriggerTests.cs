using Marketplace.Jobs.Infrastructure.Alerts;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.SavedSearches;

/// <summary>A burst of postings asks for a sweep each; the process enqueues one until it starts, and a lost one lapses.</summary>
public sealed class AlertSweepTriggerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void One_sweep_is_claimed_until_it_starts_then_the_next_posting_claims_another()
    {
        var pending = new PendingAlertSweep(_clock);

        pending.TryClaim().ShouldBeTrue();
        Enumerable.Range(0, 1_000).Count(_ => pending.TryClaim()).ShouldBe(0);
        pending.Started();
        pending.TryClaim().ShouldBeTrue();
        pending.TryClaim().ShouldBeFalse();
    }

    [Fact]
    public void A_claim_whose_sweep_never_started_lapses_after_a_minute()
    {
        var pending = new PendingAlertSweep(_clock);
        pending.TryClaim().ShouldBeTrue();

        _clock.Advance(TimeSpan.FromSeconds(59));
        pending.TryClaim().ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(2));
        pending.TryClaim().ShouldBeTrue();
    }

    [Fact]
    public async Task Many_threads_claiming_at_once_get_exactly_one_claim()
    {
        var pending = new PendingAlertSweep(_clock);
        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(pending.TryClaim)));
        claims.Count(c => c).ShouldBe(1);
    }
}
