using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Workflows.Functions.Dashboard;

/// <summary>
/// The dashboard's data-protection key ring (it signs the sign-in cookie and the forms' anti-forgery tokens) kept as
/// one blob per key, so every instance of the app in Azure reads the same keys and a restart signs nobody out.
/// </summary>
/// <remarks>
/// Microsoft's Blob and Key Vault key-ring packages are not served by the package registry here; the keys are
/// therefore not wrapped by a Key Vault key, and rely on the storage account's encryption at rest and its access
/// control (the app's managed identity only).
/// </remarks>
public sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    /// <summary>The container the keys are kept in.</summary>
    public const string ContainerName = "dashboard-keys";

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous: the key ring is read once and cached by data protection, then renewed daily.
        container.CreateIfNotExists();
        var elements = new List<XElement>();
        foreach (var item in container.GetBlobs())
        {
            using var stream = container.GetBlobClient(item.Name).OpenRead();
            elements.Add(XElement.Load(stream));
        }

        return elements;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        container.CreateIfNotExists();
        using var stream = new MemoryStream();
        element.Save(stream, SaveOptions.DisableFormatting);
        stream.Position = 0;

        // Key names are new GUIDs: a key is written once and never replaced.
        container.GetBlobClient($"{friendlyName}.xml").Upload(stream, overwrite: false);
    }
}
