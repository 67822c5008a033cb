using Marketplace.Jobs.Application.Search;

namespace Marketplace.Jobs.Web.Pages.Shared;

/// <summary>A result card: the posting as a search or the home page lists it, and the time it is shown at.</summary>
public sealed record JobCardModel(SearchHitDto Posting, DateTimeOffset Now);
