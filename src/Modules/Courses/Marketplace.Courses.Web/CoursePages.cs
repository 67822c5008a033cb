using Marketplace.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Courses.Web.Pages;

/// <summary>What the course pages share: a failed result's errors next to their fields, the rest above the form.</summary>
internal static class CoursePages
{
    public static void AddErrors(this ModelStateDictionary modelState, Result result, Func<string, string?> fieldKey)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Field is { Length: > 0 } field ? fieldKey(field) : null;
            modelState.AddModelError(key ?? string.Empty, error.Message);
        }
    }
}
