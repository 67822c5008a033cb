using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.BuildingBlocks.Application.Behaviors;

/// <summary>Runs every FluentValidation validator of the message; failures become field errors in a failed Result, never exceptions.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : Result
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<Error>? errors = null;
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in outcome.Errors)
            {
                (errors ??= []).Add(Error.Validation(failure.PropertyName, failure.ErrorMessage));
            }
        }

        return errors is null ? await next(message, cancellationToken) : FailedResult.Of<TResponse>(errors);
    }
}
