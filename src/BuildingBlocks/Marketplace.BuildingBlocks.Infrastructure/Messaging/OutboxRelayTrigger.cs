using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Starts a relay of a module's outbox as soon as a transaction that wrote to it has committed.</summary>
public interface IOutboxRelayTrigger
{
    void RelayAfterCommit(string moduleName);
}

/// <summary>The scoped trigger the unit of work calls; the coalescing lives in the process-wide <see cref="OutboxRelaySignal"/>.</summary>
public sealed class HangfireOutboxRelayTrigger(OutboxRelaySignal signal) : IOutboxRelayTrigger
{
    public void RelayAfterCommit(string moduleName) => signal.Signal(moduleName);
}

/// <summary>
/// Decides when a commit needs a relay job of its module. A relay drains everything committed before it starts, so a
/// commit needs no job of its own while a relay this process enqueued has not started yet; otherwise a job is enqueued at
/// once, but at most one per <see cref="Window"/>, the rest at the window's end. A burst of commits thus costs a few
/// jobs, one at a time leaves at once. A relay started by another server goes unseen here: this process then enqueues
/// again after <see cref="StartExpected"/>, so no commit waits longer for its relay.
/// </summary>
public sealed partial class OutboxRelaySignal(IBackgroundJobClient jobs, TimeProvider clock, ILogger<OutboxRelaySignal> logger) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an enqueued relay may take to start before this process no longer counts on it.</summary>
    public static readonly TimeSpan StartExpected = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, ModuleSignal> _modules = new(StringComparer.Ordinal);

    private TimeProvider Clock => clock;

    /// <summary>A transaction that wrote to the module's outbox has committed.</summary>
    public void Signal(string moduleName) => For(moduleName).Signal();

    /// <summary>A relay of the module starts in this process: everything committed so far is its to relay.</summary>
    public void RelayStarted(string moduleName) => For(moduleName).Started();

    public void Dispose()
    {
        foreach (var module in _modules.Values)
        {
            module.Dispose();
        }
    }

    private ModuleSignal For(string moduleName) => _modules.GetOrAdd(moduleName, name => new ModuleSignal(this, name));

    private bool Enqueue(string moduleName)
    {
        try
        {
            jobs.Enqueue<OutboxRelay>(relay => relay.RelayAsync(moduleName, CancellationToken.None));
            return true;
        }
        catch (Exception exception)
        {
            // The change is committed and its events are safe in the outbox: the next relay or the sweep takes them.
            LogNotTriggered(logger, exception, moduleName);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the relay of the {Module} outbox; the sweep will relay it")]
    private static partial void LogNotTriggered(ILogger logger, Exception exception, string module);

    private sealed class ModuleSignal : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly OutboxRelaySignal _owner;
        private readonly string _moduleName;
        private readonly ITimer _timer;
        private DateTimeOffset _lastEnqueued = DateTimeOffset.MinValue;
        private bool _pending;
        private bool _dirty;
        private bool _timerSet;
        private DateTimeOffset _timerAt;

        public ModuleSignal(OutboxRelaySignal owner, string moduleName)
        {
            _owner = owner;
            _moduleName = moduleName;
            _timer = owner.Clock.CreateTimer(state => ((ModuleSignal)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public void Signal()
        {
            bool enqueue;
            lock (_lock)
            {
                _dirty = true;
                enqueue = Decide();
            }

            if (enqueue)
            {
                EnqueueNow();
            }
        }

        public void Started()
        {
            lock (_lock)
            {
                _pending = false;
                _dirty = false;
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Fire()
        {
            bool enqueue;
            lock (_lock)
            {
                _timerSet = false;
                enqueue = _dirty && Decide();
            }

            if (enqueue)
            {
                EnqueueNow();
            }
        }

        /// <summary>Under the lock: true to enqueue now (and the state says so); else the timer is set to decide again.</summary>
        private bool Decide()
        {
            var now = _owner.Clock.GetUtcNow();
            var since = now - _lastEnqueued;
            if (_pending && since < StartExpected)
            {
                Later(StartExpected - since);
                return false;
            }

            if (since < Window)
            {
                Later(Window - since);
                return false;
            }

            _lastEnqueued = now;
            _pending = true;
            _dirty = false;
            return true;
        }

        private void Later(TimeSpan due)
        {
            var at = _owner.Clock.GetUtcNow() + due;
            if (!_timerSet || at < _timerAt)
            {
                _timerSet = true;
                _timerAt = at;
                _timer.Change(due, Timeout.InfiniteTimeSpan);
            }
        }

        private void EnqueueNow()
        {
            if (!_owner.Enqueue(_moduleName))
            {
                lock (_lock)
                {
                    _pending = false;
                }
            }
        }
    }
}
