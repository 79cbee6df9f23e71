namespace ReviewRoom.Domain;

/// <summary>Stable codes for broken rules; each has a plain-words message in the resources ("Error.{code}").</summary>
public enum ReviewError
{
    PersonNameMissing,
    PersonNameTooLong,
    TitleMissing,
    TitleTooLong,
    DateMissing,
    TemplateMissing,
    NameMissing,
    NameTooLong,
    RelationshipMissing,
    RelationshipTooLong,
    CardEmpty,
    CardTooLong,
    SectionNotFound,
    NotAMember,
    FacilitatorOnly,
    RequestMalformed,
}
