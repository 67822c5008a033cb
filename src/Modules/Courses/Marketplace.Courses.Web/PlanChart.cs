using System.Globalization;
using System.Net;
using System.Text;
using Marketplace.Courses.Application.Plans;
using Microsoft.AspNetCore.Html;

namespace Marketplace.Courses.Web;

/// <summary>
/// The plan's score against cumulative hours as a server-rendered SVG step line: the score holds while a course is being
/// taken and rises when it is done. The page's list of steps is its text alternative.
/// </summary>
public static class PlanChart
{
    private const double Width = 640, Height = 300, Left = 48, Right = 24, Top = 16, Bottom = 44;

    public static IHtmlContent Render(GapPlanDto plan, string titleId, string descriptionId)
    {
        static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        var maxHours = Math.Max(1, (double)plan.TotalHours);
        double X(double hours) => Left + (hours / maxHours * (Width - Left - Right));
        double Y(double score) => Top + ((100 - Math.Clamp(score, 0, 100)) / 100 * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-labelledby=\"{titleId} {descriptionId}\" data-testid=\"plan-chart\">");
        foreach (var score in new[] { 0, 25, 50, 75, 100 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(Y(score))}\" y2=\"{F(Y(score))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 8)}\" y=\"{F(Y(score) + 4)}\" text-anchor=\"end\">{score}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(Left)}\" x2=\"{F(Left)}\" y1=\"{F(Top)}\" y2=\"{F(Height - Bottom)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(Height - Bottom)}\" y2=\"{F(Height - Bottom)}\"/>");
        foreach (var tick in Ticks(maxHours))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(tick))}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"middle\">{F(tick)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F((Left + Width - Right) / 2)}\" y=\"{F(Height - 6)}\" text-anchor=\"middle\">hours of courses</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{F(Top + 4)}\" transform=\"rotate(-90 12 {F(Top + 4)})\" text-anchor=\"end\">score</text>");

        var points = new List<(double Hours, double Score)> { (0, plan.ScoreBefore) };
        var previous = plan.ScoreBefore;
        foreach (var step in plan.Steps)
        {
            points.Add(((double)step.CumulativeHours, previous));
            points.Add(((double)step.CumulativeHours, step.ScoreAfter));
            previous = step.ScoreAfter;
        }

        svg.Append("<polyline class=\"line\" points=\"")
            .AppendJoin(' ', points.Select(p => $"{F(X(p.Hours))},{F(Y(p.Score))}"))
            .Append("\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"start\" r=\"5\" cx=\"{F(X(0))}\" cy=\"{F(Y(plan.ScoreBefore))}\"><title>Now: {F(plan.ScoreBefore)}</title></circle>");
        foreach (var step in plan.Steps)
        {
            var label = WebUtility.HtmlEncode($"After {step.Course.Title} ({F((double)step.CumulativeHours)} h): {F(step.ScoreAfter)}");
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" r=\"5\" cx=\"{F(X((double)step.CumulativeHours))}\" cy=\"{F(Y(step.ScoreAfter))}\"><title>{label}</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X((double)step.CumulativeHours))}\" y=\"{F(Y(step.ScoreAfter) - 10)}\" text-anchor=\"middle\">{step.Number}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static IEnumerable<double> Ticks(double max)
    {
        var step = new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 }.First(s => max / s <= 6);
        for (double t = 0; t <= max + 0.001; t += step)
        {
            yield return t;
        }
    }
}
