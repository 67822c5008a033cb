using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Courses.Application.Imports.List;

/// <summary>The latest imports, for the admins' import page.</summary>
public sealed record ListCourseImports : IQuery<Result<IReadOnlyList<ImportSummary>>>;

public sealed class ListCourseImportsHandler(ICourseImportRepository imports, ICurrentUser currentUser)
    : IQueryHandler<ListCourseImports, Result<IReadOnlyList<ImportSummary>>>
{
    public async ValueTask<Result<IReadOnlyList<ImportSummary>>> Handle(ListCourseImports query, CancellationToken cancellationToken) =>
        currentUser.IsInRole(Roles.Admin)
            ? Result<IReadOnlyList<ImportSummary>>.Success(await imports.ListRecentAsync(20, cancellationToken))
            : Error.Forbidden("Only admins import courses.");
}
