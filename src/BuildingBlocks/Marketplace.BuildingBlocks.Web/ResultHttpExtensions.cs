using Marketplace.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace Marketplace.BuildingBlocks.Web;

/// <summary>The one mapping from a <see cref="Result"/> to HTTP: success to the given response, every failure to ProblemDetails.</summary>
public static class ResultHttpExtensions
{
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.ToProblem();

    public static IResult ToHttpResult(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();

    public static IResult ToProblem(this Result result)
    {
        if (result.IsSuccess)
        {
            throw new InvalidOperationException("A successful result is not a problem.");
        }

        var first = result.FirstError;
        if (first.Kind == ErrorKind.Validation)
        {
            var errors = result.Errors
                .GroupBy(e => JsonFieldName(e.Field ?? ""))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.ValidationProblem(
                errors,
                title: "The request has invalid fields.",
                extensions: new Dictionary<string, object?> { ["code"] = "validation" });
        }

        var (status, title) = first.Kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found."),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict."),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden."),
            ErrorKind.Unauthorized => (StatusCodes.Status401Unauthorized, "Unauthorized."),
            _ => (StatusCodes.Status422UnprocessableEntity, "The request breaks a business rule."),
        };
        return TypedResults.Problem(
            detail: first.Message,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["code"] = first.Code });
    }

    /// <summary>"Salary.Min" and "RequiredSkills[0].SkillId" as a JSON client wrote them: "salary.min", "requiredSkills[0].skillId".</summary>
    public static string JsonFieldName(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
