using FluentValidation;

namespace Marketplace.BuildingBlocks.Application;

/// <summary>
/// The bounds every paged query shares: a page number and size a client sends can never overflow the offset nor ask
/// the database to skip the whole table. Deeper than <see cref="MaxPage"/> pages, clients narrow the query instead.
/// </summary>
public static class Paging
{
    public const int MaxPage = 1_000;
    public const int MaxPageSize = 100;

    /// <summary>The rows before the page; checked, though the validators keep it far from overflowing.</summary>
    public static int Offset(int page, int pageSize) => checked((page - 1) * pageSize);

    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage($"Page must be between 1 and {MaxPage}.");

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule, int max = MaxPageSize) =>
        rule.InclusiveBetween(1, max).WithMessage($"PageSize must be between 1 and {max}.");
}
