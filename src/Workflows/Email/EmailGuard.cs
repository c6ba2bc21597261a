namespace Workflows.Email;

/// <summary>Checks shared by the senders before anything leaves.</summary>
public static class EmailGuard
{
    /// <summary>The once-ledger scope of sent emails' idempotency keys.</summary>
    public const string LedgerScope = "email";

    /// <summary>Throws unless <paramref name="message"/> has an idempotency key and a recipient.</summary>
    public static void Check(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient.", nameof(message));
        }
    }
}
