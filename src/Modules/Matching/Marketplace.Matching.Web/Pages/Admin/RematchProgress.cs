using System.Globalization;
using Marketplace.Matching.Application.Rematching;

namespace Marketplace.Matching.Web.Pages.Admin;

/// <summary>How a run's progress reads, on the page and in its live updates alike.</summary>
public static class RematchProgress
{
    /// <summary>Whole percent done, rounded down, so 100 % means every batch is done.</summary>
    public static int Percent(RematchRunDto run) => run.Batches == 0 ? 100 : run.BatchesDone * 100 / run.Batches;

    public static string Describe(RematchRunDto run)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{run.BatchesDone} of {run.Batches} batches done, {run.BatchesPerSecond:0.0} a second");
        if (run.FinishedAt is null && run.TimeLeft is { } left)
        {
            text += $", about {Duration(left)} left";
        }

        if (run.Duration is { } took)
        {
            text += $"; took {Duration(took)}";
        }

        return text + string.Create(CultureInfo.InvariantCulture, $". Started by {run.StartedBy} at {run.StartedAt:u}.");
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s")
        : span.TotalMinutes < 90
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalMinutes):0} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalHours):0} h {span.Minutes} min");
}
