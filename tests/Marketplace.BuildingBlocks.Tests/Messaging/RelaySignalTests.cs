using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.BuildingBlocks.Tests.Messaging;

/// <summary>
/// When a commit gets a relay job: at once when none is waiting to start, never while one this process enqueued is
/// waiting, at most one a window, and again when an enqueued one did not start here in time (another server ran it).
/// </summary>
public sealed class RelaySignalTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CountingJobClient _jobs = new();

    private OutboxRelaySignal Signal() => new(_jobs, _clock, NullLogger<OutboxRelaySignal>.Instance);

    [Fact]
    public void A_commit_relays_at_once_and_commits_while_that_relay_waits_to_start_add_no_job()
    {
        using var signal = Signal();

        signal.Signal("notes");
        _jobs.Relays("notes").ShouldBe(1);
        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(20));
            signal.Signal("notes");
        }

        _jobs.Relays("notes").ShouldBe(1, "the waiting relay will read what they committed");
        signal.RelayStarted("notes");
        _clock.Advance(TimeSpan.FromSeconds(5));
        _jobs.Relays("notes").ShouldBe(1, "the relay that started took all of it");
    }

    [Fact]
    public void A_commit_during_a_running_relay_gets_one_more_relay_at_the_end_of_the_window()
    {
        using var signal = Signal();
        signal.Signal("notes");
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        signal.RelayStarted("notes");

        _clock.Advance(TimeSpan.FromMilliseconds(10));
        signal.Signal("notes");
        signal.Signal("notes");
        _jobs.Relays("notes").ShouldBe(1);

        _clock.Advance(OutboxRelaySignal.Window);
        _jobs.Relays("notes").ShouldBe(2);
        signal.RelayStarted("notes");
        _clock.Advance(TimeSpan.FromSeconds(5));
        _jobs.Relays("notes").ShouldBe(2);

        signal.Signal("notes");
        _jobs.Relays("notes").ShouldBe(3, "a commit after a quiet window relays at once");
    }

    [Fact]
    public void A_relay_that_never_started_here_is_enqueued_again_for_later_commits()
    {
        using var signal = Signal();
        signal.Signal("notes");
        _clock.Advance(TimeSpan.FromSeconds(1));
        signal.Signal("notes");
        _jobs.Relays("notes").ShouldBe(1);

        // Another server ran the first relay, perhaps before the second commit: this process cannot tell, so it relays again.
        _clock.Advance(OutboxRelaySignal.StartExpected);
        _jobs.Relays("notes").ShouldBe(2);
    }

    [Fact]
    public void Each_module_has_its_own_signal()
    {
        using var signal = Signal();

        signal.Signal("notes");
        signal.Signal("tallies");
        signal.Signal("notes");

        _jobs.Relays("notes").ShouldBe(1);
        _jobs.Relays("tallies").ShouldBe(1);
    }

    [Fact]
    public void A_relay_that_cannot_be_enqueued_fails_no_commit_and_the_next_commit_tries_again()
    {
        using var signal = Signal();
        _jobs.Down = true;
        Should.NotThrow(() => signal.Signal("notes"));

        _jobs.Down = false;
        _clock.Advance(OutboxRelaySignal.Window);
        signal.Signal("notes");
        _jobs.Relays("notes").ShouldBe(1);
    }

    private sealed class CountingJobClient : IBackgroundJobClient
    {
        private readonly List<Job> _created = [];

        public bool Down { get; set; }

        public int Relays(string module)
        {
            lock (_created)
            {
                return _created.Count(j => j.Method.Name == nameof(OutboxRelay.RelayAsync) && (string)j.Args[0] == module);
            }
        }

        public string Create(Job job, IState state)
        {
            if (Down)
            {
                throw new InvalidOperationException("Hangfire's storage is down (simulated).");
            }

            lock (_created)
            {
                _created.Add(job);
                return _created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }
}
