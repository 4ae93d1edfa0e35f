const express = require('express');

/** A small express 5 API: a list of books, behind an API key for writes. */
function createApp() {
  const app = express();
  app.use(express.json());
  const books = [{ id: 1, title: 'Dune' }];

  app.get('/books', (req, res) => {
    res.json(books);
  });

  app.get('/books/:id', (req, res) => {
    const book = books.find((b) => b.id === Number(req.params.id));
    if (!book) return res.status(404).json({ error: 'no such book' });
    res.json(book);
  });

  app.post('/books', (req, res) => {
    if (req.get('x-api-key') !== 'secret-key') {
      return res.status(401).set('WWW-Authenticate', 'ApiKey realm="books"').json({ error: 'missing or wrong API key' });
    }
    if (typeof req.body?.title !== 'string') return res.status(400).json({ error: 'title is required' });
    const book = { id: books.length + 1, title: req.body.title };
    books.push(book);
    res.status(201).location(`/books/${book.id}`).json(book);
  });

  // Express 5 passes a rejected promise from an async handler to the error handler.
  app.get('/crash', async () => {
    throw new Error('database is down');
  });

  return app;
}

module.exports = { createApp };
