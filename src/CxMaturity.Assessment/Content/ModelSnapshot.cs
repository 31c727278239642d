using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CxMaturity.Assessment.Content;

/// <summary>
/// A model as JSON, so a round can pin the exact model it started with, and a hash of that JSON, so the app can
/// tell when content under the same id and version has changed.
/// </summary>
public static class ModelSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepConstructorProperties } },
    };

    /// <summary>The model as compact JSON; the same model always gives the same text.</summary>
    public static string Serialize(MaturityModel model) => JsonSerializer.Serialize(model, Options);

    /// <summary>The model a <see cref="Serialize"/> call produced; throws <see cref="JsonException"/> on anything else.</summary>
    public static MaturityModel Deserialize(string json) =>
        JsonSerializer.Deserialize<MaturityModel>(json, Options)
        ?? throw new JsonException("The model snapshot is empty.");

    /// <summary>The SHA-256 of the serialized model, as lowercase hex.</summary>
    public static string ContentHash(MaturityModel model) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(model))));

    // A snapshot holds the records' data only: computed members such as MaturityModel.AllQuestions are left out.
    private static void KeepConstructorProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(p => p.AssociatedParameter is null).ToArray())
        {
            typeInfo.Properties.Remove(property);
        }
    }
}
