namespace Marketplace.BuildingBlocks.Domain;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the web layer maps it to a status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    BusinessRule,
}

/// <summary>An expected failure: a stable code, a message for people, and the field it is about, if any.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.BusinessRule, string? Field = null)
{
    public static Error Validation(string field, string message) => new($"validation.{field}", message, ErrorKind.Validation, field);
    public static Error NotFound(string what, object id) => new($"{what}.not_found", $"{what} '{id}' was not found.", ErrorKind.NotFound);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error Forbidden(string message = "You may not do this.") => new("forbidden", message, ErrorKind.Forbidden);
}

/// <summary>The outcome of an operation that can fail in an expected way.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors.Count == 0;
    public bool IsFailure => !IsSuccess;
    public Error FirstError => Errors.Count > 0 ? Errors[0] : throw new InvalidOperationException("A successful result has no error.");

    public static Result Success() => new([]);
    public static Result Failure(Error error) => new([error]);
    public static Result Failure(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new Result(errors);
    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of an operation that yields a value or fails in an expected way.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value: {FirstError.Code}.");

    public static Result<T> Success(T value) => new(value, []);
    public static new Result<T> Failure(Error error) => new(default, [error]);
    public static new Result<T> Failure(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new Result<T>(default, errors);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}
