"""The Store's parts, one per aggregate: ``store.protocols``, ``store.agendas`` ….

Each part is a small class over the keyword-only storage functions: a method opens one
short session (reading) or one committing session (writing), calls the storage
function and returns what it returns. Nothing here combines rules, storage and
rendering; that is a use case, and use cases live in ``namnd.operations``.
"""
