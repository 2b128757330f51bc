// Community lists: schemas for requests and responses (see features/community in the API).
export {}
